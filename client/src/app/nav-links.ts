export interface NavLink {
  path: string;
  label: string;
}

/** The main navigation of a signed-in household; a generated entity adds its page here. */
export const NAV_LINKS: readonly NavLink[] = [
  { path: '/accounts', label: 'Accounts' },
  { path: '/budget', label: 'Budget' },
  { path: '/categories', label: 'Categories' },
  { path: '/settings', label: 'Settings' },
];
