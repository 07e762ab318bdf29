// Site-wide constants.

export const SITE_NAME = '威县人民政府公报';
