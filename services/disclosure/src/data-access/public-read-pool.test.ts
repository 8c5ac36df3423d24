import { createPublicReadPool } from './public-read-pool';

describe('the public read pool', () => {
  it('reports an idle connection lost instead of ending the process', async () => {
    const reported: Error[] = [];
    const pool = createPublicReadPool('postgresql://nobody@127.0.0.1:1/none', {
      onIdleClientError: (error) => reported.push(error),
    });
    const lost = new Error('terminating connection due to administrator command');
    // What node-postgres does when an idle client's connection ends: the pool emits 'error'.
    // Without a listener, EventEmitter throws it (and the process would crash).
    expect(() => pool.emit('error', lost)).not.toThrow();
    expect(reported).toEqual([lost]);
    await pool.end();
  });

  it('has a listener even when the caller gives none', async () => {
    const pool = createPublicReadPool('postgresql://nobody@127.0.0.1:1/none');
    expect(pool.listenerCount('error')).toBe(1);
    await pool.end();
  });
});
