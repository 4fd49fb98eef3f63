import { BRAND_GOLD } from '../theme';

/** The platform mark: a globe crossed by routes, with the zone's gold sun; drawn inline, no asset needed. */
export function Logo({ size = 32, background = '#ffffff', foreground = '#1d4e89' }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <rect width="64" height="64" rx="14" fill={background} />
      <circle cx="32" cy="32" r="17" fill="none" stroke={foreground} strokeWidth="3.5" />
      <path
        d="M15 32h34M32 15c-6 5-9 11-9 17s3 12 9 17c6-5 9-11 9-17s-3-12-9-17z"
        fill="none"
        stroke={foreground}
        strokeWidth="3"
      />
      <circle cx="49" cy="17" r="6" fill={BRAND_GOLD} />
    </svg>
  );
}
