// The browser seams the worker needs, as narrow as the worker uses them (STYLE rule 6). The entrypoint adapts
// `browser.*` to these; tests pass fakes. Nothing in lib imports the browser API itself (DESIGN.md).

export interface AlarmInfo {
  name: string;
  scheduledTime: number;
  periodInMinutes?: number;
}

export interface AlarmsApi {
  /** A periodic sync alarm (delay + period), or a one-shot send alarm (`when` or a delay; issue 12). */
  create(name: string, info: { delayInMinutes?: number; periodInMinutes?: number; when?: number }): Promise<void> | void;
  clear(name: string): Promise<boolean>;
  getAll(): Promise<AlarmInfo[]>;
}

/** chrome.notifications' "basic" template; creating an id that exists replaces that notification. */
export interface NotificationContent {
  type: 'basic';
  title: string;
  message: string;
  iconUrl: string;
  contextMessage?: string;
  priority?: number;
}

export interface NotificationsApi {
  create(id: string, content: NotificationContent): Promise<string>;
  clear(id: string): Promise<boolean>;
  getAll(): Promise<Record<string, unknown>>;
}

export interface BadgeApi {
  setText(text: string): Promise<void>;
  setBackgroundColor?(color: string): Promise<void>;
}

/** Opens an extension page (a path such as `inbox.html?profile=…`) in a new tab. */
export type OpenTab = (path: string) => Promise<void>;
