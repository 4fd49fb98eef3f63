/**
 * The customs risk engine and the "new three" export fast lane, as pure TypeScript: rules and sampling policy
 * (rules.ts), the channel decision (engine.ts), the fast lane's categories and documents (fast-lane.ts), and their
 * texts in three languages (messages.ts, registered when this file is imported).
 */
export {
  assessRisk,
  GRADE_RATE_FACTORS,
  PUBLIC_GRADES,
  type PublicGrade,
  RISK_REASON_CODES,
  type RiskDecision,
  type RiskInput,
  type RiskItem,
  type RiskReason,
  type RiskReasonCode,
  samplingDraw,
  samplingRate,
} from './engine.js';
export {
  DG_DOCUMENT_KINDS,
  type DgDocumentKind,
  FAST_LANE_TARGET_MINUTES,
  FAST_LANE_TRANSPORT_MODES,
  type FastLaneTransportMode,
  fastLaneTarget,
  missingDocuments,
  NEW_THREE_CATEGORIES,
  type NewThreeCategory,
  newThreeCategory,
  requiredDocuments,
} from './fast-lane.js';
export {
  channelMessageKey,
  creditClassMessageKey,
  documentMessageKey,
  riskMessages,
  riskReasonMessageKey,
} from './messages.js';
export {
  CHANNELS,
  type Channel,
  CREDIT_CLASSES,
  type CreditClass,
  channelSeverity,
  DEFAULT_SAMPLING_POLICY,
  maxChannel,
  type RiskRule,
  type RiskRuleInput,
  RULE_CHANNELS,
  RULE_DIRECTIONS,
  RULE_ENTRIES_MAX,
  RULE_KINDS,
  RULE_NAME_LENGTH_MAX,
  RULESET_RULES_MAX,
  type RuleDirection,
  type RuleKind,
  riskRuleSchema,
  riskRuleSetSchema,
  type SamplingPolicy,
  samplingPolicySchema,
} from './rules.js';
