import type { ThemeConfig } from 'antd';

export const BRAND_BLUE = '#1d4e89';
export const BRAND_BLUE_DARK = '#143a68';
export const BRAND_GOLD = '#f5b301';

const LATIN_FONTS = ['-apple-system', 'BlinkMacSystemFont', '"Segoe UI"', 'Roboto', '"Helvetica Neue"', 'Arial'];
const CJK_FONTS = [
  '"PingFang SC"',
  '"Hiragino Sans GB"',
  '"Microsoft YaHei"',
  '"Noto Sans CJK SC"',
  '"Source Han Sans SC"',
];

/**
 * Chinese text wants a CJK face first (its punctuation is full-width by design); English and Russian
 * want a Latin/Cyrillic face first, or CJK fonts would set their quotes and dashes full-width too.
 */
export function fontFamilyFor(language: string): string {
  const faces = language === 'zh-CN' ? [...CJK_FONTS, ...LATIN_FONTS] : [...LATIN_FONTS, ...CJK_FONTS];
  return [...faces, 'sans-serif'].join(', ');
}

const FONT_FAMILY = fontFamilyFor('zh-CN');

export const theme: ThemeConfig = {
  token: {
    colorPrimary: BRAND_BLUE,
    colorInfo: BRAND_BLUE,
    // The derived info tints of a deep blue come out grey; set light blue ones explicitly.
    colorInfoBg: '#eef4fb',
    colorInfoBorder: '#c6d8ee',
    colorLink: BRAND_BLUE,
    colorSuccess: '#2e8540',
    // Likewise the derived tints of this deep green come out grey-green.
    colorSuccessBg: '#eef7f0',
    colorSuccessBorder: '#b7dcc0',
    colorWarning: '#d48806',
    colorError: '#c62828',
    borderRadius: 6,
    fontFamily: FONT_FAMILY,
    fontSize: 14,
    colorBgLayout: '#f2f4f8',
  },
  components: {
    Layout: {
      headerBg: BRAND_BLUE_DARK,
      headerHeight: 56,
      headerPadding: '0 20px',
      siderBg: '#ffffff',
      bodyBg: '#f2f4f8',
    },
    Menu: {
      itemHeight: 38,
      itemMarginBlock: 2,
      groupTitleFontSize: 12,
      itemSelectedBg: '#e8eff8',
      itemSelectedColor: BRAND_BLUE,
    },
    Card: {
      headerFontSize: 15,
    },
    Table: {
      headerBg: '#f5f7fa',
      cellPaddingBlockSM: 6,
      // As with info above: the derived selected-row tints of the deep blue come out grey.
      rowSelectedBg: '#eef4fb',
      rowSelectedHoverBg: '#e3edf8',
      rowExpandedBg: '#fbfcfe',
    },
  },
};
