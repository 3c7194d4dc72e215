/**
 * A small client for RabbitMQ's management HTTP API, used by the stack
 * scripts and the tests. Provisioning through it is idempotent (PUT) and far
 * faster than one rabbitmqctl VM start per call.
 */
export class ManagementApiError extends Error {
  constructor(
    readonly status: number,
    readonly path: string,
    body: string,
  ) {
    super(`management API ${path} answered ${status}: ${body.slice(0, 300)}`);
  }
}

export class ManagementApi {
  private readonly authorization: string;

  constructor(
    readonly baseUrl: string,
    credentials: { login: string; passcode: string },
  ) {
    this.authorization = 'Basic ' + Buffer.from(`${credentials.login}:${credentials.passcode}`).toString('base64');
  }

  async get<T>(path: string, timeoutMs = 10_000): Promise<T> {
    return (await this.request('GET', path, undefined, timeoutMs)) as T;
  }

  async put(path: string, body: unknown): Promise<void> {
    await this.request('PUT', path, body);
  }

  async delete(path: string, timeoutMs = 10_000): Promise<void> {
    await this.request('DELETE', path, undefined, timeoutMs);
  }

  async post<T>(path: string, body: unknown): Promise<T> {
    return (await this.request('POST', path, body)) as T;
  }

  private async request(method: string, path: string, body?: unknown, timeoutMs = 10_000): Promise<unknown> {
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: { authorization: this.authorization, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    if (!res.ok) throw new ManagementApiError(res.status, path, text);
    return text ? (JSON.parse(text) as unknown) : undefined;
  }
}

/** Path segment for a vhost or object name ("/" must travel as %2F). */
export const seg = (name: string): string => encodeURIComponent(name);
