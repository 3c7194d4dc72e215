import { describe, expect, it } from 'vitest';
import { shareLink } from './share-link.ts';

describe('shareLink with a cluster', () => {
  it('carries every broker URL of the page, in order', () => {
    const href = 'http://127.0.0.1:8080/?broker=ws%3A%2F%2Fa%3A15674%2Fws&broker=ws%3A%2F%2Fb%3A15684%2Fws&broker=ws%3A%2F%2Fc%3A15694%2Fws&login=warren';
    const link = new URL(shareLink(href, '', ['/exchange/app.events/#']));
    expect(link.searchParams.getAll('broker')).toEqual(['ws://a:15674/ws', 'ws://b:15684/ws', 'ws://c:15694/ws']);
    expect(link.searchParams.getAll('login')).toEqual(['warren']);
  });
});
