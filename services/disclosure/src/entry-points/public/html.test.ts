import { escapeHtml, html, multiline, queryString, SafeHtml } from './html';

describe('html template tag', () => {
  it('escapes every interpolated string, but not nested templates', () => {
    const name = '<script>alert("x")</script> & \'q\'';
    const out = html`<p title="${name}">${name}${html`<b>${'<i>'}</b>`}</p>`;
    expect(out).toBeInstanceOf(SafeHtml);
    expect(out.value).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;">' +
        '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;<b>&lt;i&gt;</b></p>',
    );
  });

  it('joins arrays and renders nothing for null, undefined and false', () => {
    expect(html`${['a', html`<br />`, 1]}${null}${undefined}${false}`.value).toBe('a<br />1');
  });

  it('keeps line structure of multi-line text, escaped', () => {
    expect(multiline('一<二\n三\n\n四').value).toBe('<p>一&lt;二<br>三</p><p>四</p>');
    expect(escapeHtml('"')).toBe('&quot;');
  });

  it('builds query strings from the defined values only', () => {
    expect(queryString({ q: '工资 拖欠', kind: undefined, page: 2, authority: '' })).toBe(
      '?q=%E5%B7%A5%E8%B5%84+%E6%8B%96%E6%AC%A0&page=2',
    );
    expect(queryString({})).toBe('');
  });
});
