/**
 * A minimal Chrome DevTools Protocol client over the browser's debugging
 * WebSocket, for the pages whose WebSocket traffic is measured.
 *
 * Why not Playwright's Page there: Playwright enables the Network domain on
 * every page it drives, so Chromium serialises every WebSocket frame
 * (base64 payload included) into a CDP event for it: per-message work in the
 * renderer, the browser process and Node that a real user's browser never
 * does. A page created from this connection in the browser's default context
 * is one Playwright leaves alone (it detaches from targets outside its own
 * contexts), and this client enables nothing it does not need.
 */
import WebSocket from 'ws';

type Params = Record<string, unknown>;
type Listener = (params: Params, sessionId: string | undefined) => void;

export class CdpConnection {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: Params) => void; reject: (e: Error) => void; method: string; sessionId?: string }>();
  private readonly listeners = new Map<string, Set<Listener>>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => {
      const msg = JSON.parse(data.toString()) as { id?: number; result?: Params; error?: { message: string }; method?: string; params?: Params; sessionId?: string };
      if (msg.id !== undefined) {
        const p = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        if (msg.error) p?.reject(new Error(`${p.method}: ${msg.error.message}`));
        else p?.resolve(msg.result ?? {});
      } else if (msg.method) {
        if (msg.method === 'Target.detachedFromTarget') this.rejectPendingOf(String(msg.params?.['sessionId']));
        for (const l of this.listeners.get(msg.method) ?? []) l(msg.params ?? {}, msg.sessionId);
      }
    });
    socket.on('close', () => {
      for (const p of this.pending.values()) p.reject(new Error(`${p.method}: CDP connection closed`));
      this.pending.clear();
    });
  }

  /** Connects to a browser started with --remote-debugging-port. */
  static async connect(port: number): Promise<CdpConnection> {
    const version = (await (await fetch(`http://127.0.0.1:${port}/json/version`)).json()) as { webSocketDebuggerUrl: string };
    const socket = new WebSocket(version.webSocketDebuggerUrl, { perMessageDeflate: false, maxPayload: 512 * 1024 * 1024 });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return new CdpConnection(socket);
  }

  send<T = Params>(method: string, params: Params = {}, sessionId?: string): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: Params) => void, reject, method, sessionId });
      this.socket.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
    });
  }

  /**
   * Chromium never answers what was sent to a target that went away (a
   * worker terminated while its heap was being asked for: measured, about
   * 70 % of the commands in flight then); without this, the caller waits
   * forever. This is what made the archive bench hang after an import in
   * workers, which had ended.
   */
  private rejectPendingOf(sessionId: string): void {
    for (const [id, p] of this.pending) {
      if (p.sessionId !== sessionId) continue;
      this.pending.delete(id);
      p.reject(new Error(`${p.method}: the target detached`));
    }
  }

  on(method: string, listener: Listener): () => void {
    const set = this.listeners.get(method) ?? new Set();
    set.add(listener);
    this.listeners.set(method, set);
    return () => set.delete(listener);
  }

  close(): void {
    this.socket.close();
  }
}

/** A page target driven through one flat CDP session. */
export class CdpPage {
  private constructor(
    readonly cdp: CdpConnection,
    readonly targetId: string,
    readonly sessionId: string,
  ) {}

  /** Opens `url` in a new tab of the default browser context, after installing `initScript`. */
  static async open(cdp: CdpConnection, url: string, viewport: { width: number; height: number }, initScript: string): Promise<CdpPage> {
    const { targetId } = await cdp.send<{ targetId: string }>('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
    const page = new CdpPage(cdp, targetId, sessionId);
    await page.send('Page.enable');
    await page.send('Page.addScriptToEvaluateOnNewDocument', { source: initScript });
    await page.send('Emulation.setDeviceMetricsOverride', { ...viewport, deviceScaleFactor: 1, mobile: false });
    const loaded = new Promise<void>((resolve) => {
      const off = cdp.on('Page.loadEventFired', (_p, sid) => {
        if (sid !== sessionId) return;
        off();
        resolve();
      });
    });
    await page.send('Page.navigate', { url });
    await loaded;
    return page;
  }

  send<T = Params>(method: string, params: Params = {}): Promise<T> {
    return this.cdp.send<T>(method, params, this.sessionId);
  }

  /** Evaluates an expression (awaiting a promise) and returns its JSON value. */
  async evaluate<T>(expression: string): Promise<T> {
    const r = await this.send<{ result: { value?: T }; exceptionDetails?: { exception?: { description?: string }; text: string } }>('Runtime.evaluate', {
      expression,
      awaitPromise: true,
      returnByValue: true,
    });
    if (r.exceptionDetails) throw new Error(`in the page: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
    return r.result.value as T;
  }

  async close(): Promise<void> {
    await this.cdp.send('Target.closeTarget', { targetId: this.targetId }).catch(() => undefined);
  }
}

/** Records a browser-wide trace; the returned function stops it and returns the trace JSON. */
export async function startTracing(cdp: CdpConnection, categories: string[]): Promise<() => Promise<string>> {
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: categories, excludedCategories: ['*'] }, transferMode: 'ReturnAsStream' });
  return async () => {
    const complete = new Promise<string>((resolve) => {
      const off = cdp.on('Tracing.tracingComplete', (p) => {
        off();
        resolve(String(p.stream));
      });
    });
    await cdp.send('Tracing.end');
    const handle = await complete;
    const parts: string[] = [];
    for (;;) {
      const chunk = await cdp.send<{ data: string; eof: boolean; base64Encoded?: boolean }>('IO.read', { handle, size: 8 * 1024 * 1024 });
      parts.push(chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data);
      if (chunk.eof) break;
    }
    await cdp.send('IO.close', { handle });
    return parts.join('');
  };
}
