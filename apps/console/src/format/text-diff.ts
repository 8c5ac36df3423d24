/** A run of characters of one side of a comparison, `changed` when the other side lacks it. */
export interface TSegment {
  text: string;
  changed: boolean;
}

type TOp = '=' | '-' | '+';

/**
 * Myers' O((N+M)·D) shortest edit script between two character lists, or null beyond `maxD`
 * differences (then the caller marks the whole text). Redaction changes few places, so D is small.
 */
function editScript(a: string[], b: string[], maxD: number): TOp[] | null {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, maxD);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d += 1) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!)
          ? v[offset + k + 1]!
          : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x += 1;
        y += 1;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) return null;
  const ops: TOp[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d -= 1) {
    const prev = trace[d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && prev[offset + k - 1]! < prev[offset + k + 1]!) ? k + 1 : k - 1;
    const prevX = prev[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push('=');
      x -= 1;
      y -= 1;
    }
    if (prevK === k + 1) {
      ops.push('+');
      y -= 1;
    } else {
      ops.push('-');
      x -= 1;
    }
  }
  while (x > 0 && y > 0) {
    ops.push('=');
    x -= 1;
    y -= 1;
  }
  return ops.reverse();
}

function push(segments: TSegment[], text: string, changed: boolean) {
  const last = segments[segments.length - 1];
  if (last && last.changed === changed) last.text += text;
  else segments.push({ text, changed });
}

/**
 * The original and the public text, each cut into runs that the other side shares or not: what
 * redaction masked is `changed` on the left, what replaced it is `changed` on the right.
 */
export function diffSegments(original: string, published: string): { left: TSegment[]; right: TSegment[] } {
  if (original === published)
    return { left: [{ text: original, changed: false }], right: [{ text: published, changed: false }] };
  const a = Array.from(original);
  const b = Array.from(published);
  const ops = editScript(a, b, 2000);
  if (!ops) return { left: [{ text: original, changed: true }], right: [{ text: published, changed: true }] };
  const left: TSegment[] = [];
  const right: TSegment[] = [];
  let i = 0;
  let j = 0;
  for (const op of ops) {
    if (op === '=') {
      push(left, a[i]!, false);
      push(right, b[j]!, false);
      i += 1;
      j += 1;
    } else if (op === '-') {
      push(left, a[i]!, true);
      i += 1;
    } else {
      push(right, b[j]!, true);
      j += 1;
    }
  }
  return { left, right };
}
