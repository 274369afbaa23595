export interface NavLink {
  path: string;
  label: string;
}

/** The household's screens in the main navigation; a generated entity adds its page here. */
export const NAV_LINKS: readonly NavLink[] = [
  { path: '/accounts', label: 'Accounts' },
  { path: '/budget', label: 'Budget' },
  { path: '/reports', label: 'Reports' },
  { path: '/categories', label: 'Categories' },
  { path: '/payees', label: 'Payees' },
];

/** Always last, after every data screen. */
export const SETTINGS_LINK: NavLink = { path: '/settings', label: 'Settings' };
