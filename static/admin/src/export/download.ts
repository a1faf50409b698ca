/**
 * Saves text as a file the browser's way: a Blob, an object URL and a temporary <a download> clicked once.
 * No popup, no navigation. The few DOM members used are typed here so the module also compiles (and is
 * tested) without the DOM library.
 */

interface AnchorLike {
  href: string;
  download: string;
  rel: string;
  style: { display: string };
  click(): void;
  remove(): void;
}

export interface DownloadEnvironment {
  createAnchor(): AnchorLike;
  attach(anchor: AnchorLike): void;
  createObjectURL(blob: Blob): string;
  revokeObjectURL(url: string): void;
  /** Runs `fn` once the click has been handled; the URL is revoked then. */
  later(fn: () => void): void;
}

interface DocumentLike {
  createElement(tag: 'a'): AnchorLike;
  body: { appendChild(node: AnchorLike): unknown };
}

export function browserEnvironment(): DownloadEnvironment {
  const doc = (globalThis as unknown as { document?: DocumentLike }).document;
  if (!doc) throw new Error('downloadFile needs a browser document');
  return {
    createAnchor: () => doc.createElement('a'),
    attach: (anchor) => doc.body.appendChild(anchor),
    createObjectURL: (blob) => URL.createObjectURL(blob),
    revokeObjectURL: (url) => URL.revokeObjectURL(url),
    later: (fn) => setTimeout(fn, 0),
  };
}

export function downloadFile(
  name: string,
  text: string,
  mime: string,
  env: DownloadEnvironment = browserEnvironment(),
): void {
  const type = /charset=/i.test(mime) ? mime : `${mime};charset=utf-8`;
  const url = env.createObjectURL(new Blob([text], { type }));
  const anchor = env.createAnchor();
  anchor.href = url;
  anchor.download = name;
  anchor.rel = 'noopener';
  anchor.style.display = 'none';
  env.attach(anchor);
  try {
    anchor.click();
  } finally {
    env.later(() => {
      anchor.remove();
      env.revokeObjectURL(url);
    });
  }
}
