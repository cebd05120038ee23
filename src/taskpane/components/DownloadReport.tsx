import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { ReportDocument } from '../../core/output/document';
import { offerDocx, saveMode, type OfferedFile } from '../download';
import { errorDetail } from '../errors';
import { useLang, useT } from '../i18n';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

type Made =
  | { status: 'making' }
  | { status: 'ready'; file: OfferedFile }
  | { status: 'failed'; detail: string };

/**
 * 下载报告 (Word): the last report's document (src/core/output/document.ts) as a .docx, made
 * in the pane once the report is written and offered as a link the user clicks
 * (src/taskpane/download.ts says why a link, and where Office refuses it).
 */
export function DownloadReport({
  document,
  platform,
}: {
  /** The document of the last report run; nothing is shown before one. */
  document: ReportDocument | undefined;
  /** Office.context.platform: `OfficeOnline`, `PC`, `Mac`, … */
  platform: string | undefined;
}) {
  const t = useT();
  const lang = useLang();
  const styles = useStyles();
  const mode = saveMode(platform);
  const [made, setMade] = useState<Made>({ status: 'making' });

  useEffect(() => {
    if (!document || mode !== 'link') return;
    let gone = false;
    let file: OfferedFile | undefined;
    setMade({ status: 'making' });
    offerDocx(document).then(
      (f) => {
        if (gone) return f.revoke();
        file = f;
        setMade({ status: 'ready', file: f });
      },
      (e: unknown) => {
        if (!gone) setMade({ status: 'failed', detail: errorDetail(e, lang) });
      },
    );
    return () => {
      gone = true;
      file?.revoke();
    };
  }, [document, mode, lang]);

  if (!document) return null;
  if (mode === 'unavailable') {
    return (
      <div className={styles.box} data-testid="download-docx-box">
        <Button size="medium" disabled data-testid="download-docx">
          {t('pane.downloadDocx')}
        </Button>
        <MessageBar intent="info" layout="multiline" data-testid="docx-unavailable">
          <MessageBarBody>{t('pane.docxUnavailable')}</MessageBarBody>
        </MessageBar>
      </div>
    );
  }
  return (
    <div className={styles.box} data-testid="download-docx-box">
      {made.status === 'ready' ? (
        <>
          <Button
            as="a"
            size="medium"
            href={made.file.url}
            download={made.file.name}
            data-testid="download-docx"
          >
            {t('pane.downloadDocx')}
          </Button>
          <Caption1 data-testid="download-docx-file">
            {t('pane.docxFile', { file: made.file.name })}
          </Caption1>
        </>
      ) : made.status === 'making' ? (
        <Spinner
          size="tiny"
          labelPosition="after"
          label={t('pane.docxMaking')}
          data-testid="docx-making"
        />
      ) : (
        <MessageBar intent="error" layout="multiline" data-testid="docx-failed">
          <MessageBarBody>{t('pane.downloadDocxFailed', { detail: made.detail })}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
