import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import { testStack } from '@sanxiang/testing';

/**
 * The stack's SMTP server is real: a message sent over SMTP arrives, Chinese subject and body
 * intact, and is readable through Mailpit's HTTP API — the way notification tests read e-mail.
 */
describe('Mailpit in the test stack', () => {
  const { mail } = testStack();

  it('delivers a Chinese message over SMTP and shows it through its API', async () => {
    const marker = randomUUID();
    const transport = nodemailer.createTransport(mail.smtpUrl);
    try {
      await transport.sendMail({
        from: '三项制度平台 <noreply@sanxiang.local>',
        to: '李四 <lisi@sanxiang.local>',
        subject: `【督办】法制审核已超期 ${marker}`,
        text: '常人社监察〔2026〕12号的法制审核已于2026年12月2日到期，请尽快办理。',
      });
    } finally {
      transport.close();
    }

    const search = await fetch(`${mail.apiUrl}/api/v1/search?query=${encodeURIComponent(marker)}`);
    expect(search.status).toBe(200);
    const found = (await search.json()) as {
      messages: { ID: string; Subject: string; To: { Address: string }[] }[];
    };
    expect(found.messages).toHaveLength(1);
    expect(found.messages[0]!.Subject).toBe(`【督办】法制审核已超期 ${marker}`);
    expect(found.messages[0]!.To.map((to) => to.Address)).toEqual(['lisi@sanxiang.local']);

    const message = await fetch(`${mail.apiUrl}/api/v1/message/${found.messages[0]!.ID}`);
    const body = (await message.json()) as { Text: string };
    expect(body.Text).toContain('常人社监察〔2026〕12号的法制审核已于2026年12月2日到期');
  });
});
