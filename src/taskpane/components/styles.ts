import { makeStyles, tokens } from '@fluentui/react-components';

/** The pane's page layout, shared by the app and the start-up failure screen. */
export const usePaneStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minHeight: '100vh',
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground2,
  },
  toolbar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
});
