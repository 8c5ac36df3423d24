import { pick, screenshot, seriousViolations, typeDate, useConsoleInBrowser } from './support/browser';

// One case taken through the console by clicking only: real Chromium, the real console server
// serving the built app, the real identity provider on the demo directory, the real services and
// the real worker. Each step is a person at their own page; nothing is called behind the pages.

const caseNumber = `常人社监察〔2026〕${Math.floor(Math.random() * 90_000) + 10_000}号`;
const party = `常州市新北区恒顺机械厂${caseNumber.slice(-6, -1)}`;

const app = useConsoleInBrowser({ cases: () => [caseNumber] });
const { as } = app;

describe('an officer takes a case from opening to its first records', () => {
  it('opens the case with two certified officers picked from the directory', async () => {
    await as('zhangwei', '/cases/new', async (page) => {
      await page.getByRole('heading', { name: '立案' }).waitFor();
      // The handling unit is the officer's unit, by name.
      expect(await page.getByLabel('承办机构').inputValue()).toBe('常州市劳动保障监察支队');
      await page.getByLabel('案号').fill(caseNumber);
      await page.getByLabel('案由').fill('未按时足额支付劳动报酬');
      await page.getByLabel('执法类别').fill('劳动保障监察');
      await page.getByLabel('执法区域').fill('常州市新北区');
      await page.getByLabel('当事人名称').fill(party);
      await page.getByLabel('身份证号或统一社会信用代码').fill('91320411MA1XXXXX0Y');
      await pick(page, page.getByRole('combobox', { name: '执法人员 1' }), '张伟', '张伟');
      await pick(page, page.getByRole('combobox', { name: '执法人员 2' }), '李娜', '李娜');
      await screenshot(page, 'open-case-form');
      expect(await seriousViolations(page)).toEqual([]);
      await page
        .getByRole('button', { name: '立 案' })
        .or(page.getByRole('button', { name: '立案' }))
        .last()
        .click();
      await page.waitForURL(`${app.system.urls.console}/cases/${encodeURIComponent(caseNumber)}`);
      await page.getByRole('heading', { name: caseNumber }).waitFor();
      await page.getByText('张伟（执法证 32040020231）、李娜（执法证 32040020232）').waitFor();
      await screenshot(page, 'case-opened');
    });
  }, 180_000);

  it('records an enforcement activity and files a record through the form drawn from its schema', async () => {
    await as('zhangwei', `/cases/${encodeURIComponent(caseNumber)}`, async (page) => {
      await page.getByRole('heading', { name: caseNumber }).waitFor();
      await page.getByRole('tab', { name: '执法活动' }).click();
      await pick(page, page.getByRole('combobox', { name: '活动类别' }), '现场检查');
      await page.getByLabel('活动名称').fill('现场检查（生产车间）');
      await page.getByLabel('地点').fill('常州市新北区长江北路 18 号');
      await typeDate(page, page.getByLabel('开始时间'), '2026-12-01 09:30');
      await page.getByRole('button', { name: '登记执法活动' }).click();
      // Done: the console moves on to the evidence tab.
      await page.getByRole('tab', { name: '上传证据', selected: true }).waitFor();

      await page.getByRole('tab', { name: '登记记录' }).click();
      await pick(page, page.getByRole('combobox', { name: '记录种类' }), '出示执法证件');
      await pick(page, page.getByRole('combobox', { name: '所属执法活动' }), '现场检查（生产车间）');
      await typeDate(page, page.getByLabel('出示时间'), '2026-12-01 09:35');
      await page.getByLabel('地点').fill('常州市新北区长江北路 18 号');
      await page.getByLabel('出示对象').fill('王建军');
      await screenshot(page, 'record-form', page.getByRole('combobox', { name: '记录种类' }));
      expect(await seriousViolations(page)).toEqual([]);
      await page
        .getByRole('button', { name: '登 记' })
        .or(page.getByRole('button', { name: '登记' }))
        .last()
        .click();
      const records = page.locator('.ant-card').filter({ hasText: '执法记录（1）' });
      await records.getByRole('cell', { name: '出示执法证件' }).waitFor();
      await records.getByRole('cell', { name: '现场检查（生产车间）' }).waitFor();
      await records.getByRole('cell', { name: '张伟' }).waitFor();
    });
  }, 180_000);

  it('uploads evidence by choosing a file, with its hash checked and the file locked', async () => {
    await as('zhangwei', `/cases/${encodeURIComponent(caseNumber)}`, async (page) => {
      await page.getByRole('heading', { name: caseNumber }).waitFor();
      await page.getByRole('tab', { name: '上传证据' }).click();
      await pick(page, page.getByRole('combobox', { name: '所属执法活动' }), '现场检查（生产车间）');
      await page.getByLabel('说明').fill('车间考勤表照片');
      await screenshot(
        page,
        'evidence-upload-form',
        page.getByText('将录音、录像、照片或文书拖放到此处，或点击选择文件'),
      );
      const chooser = page.waitForEvent('filechooser');
      await page.getByText('将录音、录像、照片或文书拖放到此处，或点击选择文件').click();
      await (
        await chooser
      ).setFiles({
        name: '考勤表.png',
        mimeType: 'image/png',
        buffer: Buffer.from(
          'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
          'base64',
        ),
      });
      const evidence = page.locator('.ant-card').filter({ hasText: '证据（1）' });
      await evidence.getByRole('cell', { name: '考勤表.png' }).waitFor();
      await evidence.getByRole('cell', { name: '照片' }).waitFor();
      // The object lock is shown as the service reports it (锁定中 until the store confirms it).
      await evidence.getByText(/已锁定至|锁定中/u).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'case-with-evidence', evidence);

      // A recording (记录规定 §16): refused until the officer states no copy is kept, then stored.
      const video = {
        name: '执法记录仪-车间.mp4',
        mimeType: 'video/mp4',
        buffer: Buffer.concat([
          Buffer.from([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d]),
          Buffer.alloc(500, 7),
        ]),
      };
      const drop = async () => {
        const next = page.waitForEvent('filechooser');
        await page.getByText('将录音、录像、照片或文书拖放到此处，或点击选择文件').click();
        await (await next).setFiles(video);
      };
      await drop();
      await page.getByRole('alert').filter({ hasText: '不得自行保存音视频记录' }).waitFor();
      await page.getByLabel(/本人未自行保存副本/u).check();
      await drop();
      const both = page.locator('.ant-card').filter({ hasText: '证据（2）' });
      await both.getByRole('cell', { name: '执法记录仪-车间.mp4' }).waitFor();
      await both.getByRole('cell', { name: '录像' }).waitFor();
    });
  }, 180_000);
});
