import { describe, it } from 'vitest';
import { MagpieApp } from '../support/magpieApp.ts';
import { attackEnterpriseFile, tempFolder } from '../support/testFiles.ts';

describe('walk', () => {
  it('imports ATT&CK, reviews a Japanese and an English report, commits, restarts', async () => {
    const folder = await tempFolder();
    const profile = `${folder}/profile`;
    let app = await MagpieApp.openPersistent(profile, { viewport: { width: 1400, height: 1000 } });
    await app.importDropped(await attackEnterpriseFile(folder), 300_000);
    await app.dropFile('/work/shared/fixtures/reports/citizenlab-keyboy-tibetan-2016.pdf');
    await app.waitForReview();
    await app.page.getByTestId('known-entity-row').first().waitFor({ timeout: 60_000 });
    await app.screenshot('walk7-review-names-en');
    const rows = await app.page.getByTestId('known-entity-row').allTextContents();
    console.log('EN rows', rows.map((r) => r.slice(0, 80)));
    await app.page.getByTestId('commit-extraction').click();
    await app.page.getByTestId('commit-result').waitFor({ timeout: 120_000 });
    await app.screenshot('walk7-committed-en');
    console.log('commit', await app.page.getByTestId('commit-result').textContent());
    await app.close();
    app = await MagpieApp.openPersistent(profile, { viewport: { width: 1400, height: 1000 }, locale: 'ja-JP' });
    await app.dropFile('/work/shared/fixtures/reports/jpcert-lazarus-codeblue2021-ja.pdf');
    await app.waitForReview();
    await app.page.getByTestId('known-entity-row').first().waitFor({ timeout: 60_000 });
    await app.screenshot('walk7-review-names-ja');
    const rowsJa = await app.page.getByTestId('known-entity-row').allTextContents();
    console.log('JA rows', rowsJa.map((r) => r.slice(0, 80)));
    await app.visit('reports');
    await app.screenshot('walk7-reports-after-restart');
    await app.close();
  }, 900_000);
});
