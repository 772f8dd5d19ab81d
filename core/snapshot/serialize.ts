/**
 * The snapshot's own HTML serialiser: the HTML standard's fragment serialisation algorithm (what `outerHTML`
 * does), written out so the output is the same in every engine and so it can leave out what a reader can never
 * see or need:
 * - comments;
 * - runs of whitespace in text, where the page's CSS collapses them anyway (one character is kept, a newline if
 *   the run had one); text inside `<pre>`, `<textarea>`, foreign content (SVG, MathML), shadow roots and the
 *   elements `keepSpace` names is written as it is;
 * - quotes around attribute values that need none (a bare name for an empty one; single quotes where that spares
 *   escaping double ones), and the padding inside `class` lists.
 * With `compact: false` it is a plain spec serialiser (quotes, comments and whitespace kept).
 */

const HTML_NS = 'http://www.w3.org/1999/xhtml';
const SVG_NS = 'http://www.w3.org/2000/svg';
const MATHML_NS = 'http://www.w3.org/1998/Math/MathML';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
const XLINK_NS = 'http://www.w3.org/1999/xlink';

const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'basefont',
  'bgsound',
  'br',
  'col',
  'embed',
  'frame',
  'hr',
  'img',
  'input',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

/** Their text is written raw. (`noscript` too when scripting is on; snapshots are serialised with it off.) */
const RAW_TEXT_PARENTS = new Set(['style', 'script', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);

/** Whitespace is content here, whatever the CSS says (the UA stylesheet makes it so). */
const SPACE_PRESERVING = new Set(['pre', 'textarea', 'listing', 'plaintext', 'xmp']);

/** The parser drops one newline right after these start tags; one is added back so none of the text's is lost. */
const LEADING_NEWLINE_DROPPED = new Set(['pre', 'textarea', 'listing']);

export interface SerializeOptions {
  /** Leave out comments, collapsible whitespace and needless quotes. Default true. */
  compact?: boolean;
  /** With `compact`, collapse whitespace where it is not content. Default true. */
  collapseWhitespace?: boolean;
  /** Elements whose text (and their descendants') keeps its whitespace: their CSS preserves it. */
  keepSpace?: ReadonlySet<Element>;
  /** Elements whose attributes stay quoted (a fixed format others read, like the snapshot's header metas). */
  keepQuoted?: ReadonlySet<Element>;
  /** Attributes left out wherever they are (markers meant for the builder only). */
  dropAttributes?: ReadonlySet<string>;
}

const ATTRIBUTE_NEEDS_QUOTES = /[\t\n\f\r "'=<>`]/;
const COLLAPSIBLE_SPACE = /[\t\n\f\r ]{2,}|[\t\f\r]/g;

function escapeText(text: string): string {
  return text.replace(/[&<>\u00a0]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&nbsp;',
  );
}

function escapeAttribute(value: string): string {
  return value.replace(/[&"<>\u00a0]/g, (c) =>
    c === '&' ? '&amp;' : c === '"' ? '&quot;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&nbsp;',
  );
}

function attributeName(attr: Attr): string {
  switch (attr.namespaceURI) {
    case null:
      return attr.localName;
    case XML_NS:
      return `xml:${attr.localName}`;
    case XMLNS_NS:
      return attr.localName === 'xmlns' ? 'xmlns' : `xmlns:${attr.localName}`;
    case XLINK_NS:
      return `xlink:${attr.localName}`;
    default:
      return attr.name;
  }
}

function tagName(el: Element): string {
  const ns = el.namespaceURI;
  return ns === HTML_NS || ns === SVG_NS || ns === MATHML_NS ? el.localName : el.tagName;
}

class Writer {
  out = '';
  private readonly compact: boolean;
  private readonly collapse: boolean;
  private readonly keepSpace: ReadonlySet<Element>;
  private readonly keepQuoted: ReadonlySet<Element>;
  private readonly dropAttributes: ReadonlySet<string>;

  constructor(options: SerializeOptions) {
    this.compact = options.compact !== false;
    this.collapse = this.compact && options.collapseWhitespace !== false;
    this.keepSpace = options.keepSpace ?? new Set();
    this.keepQuoted = options.keepQuoted ?? new Set();
    this.dropAttributes = options.dropAttributes ?? new Set();
  }

  /** `preserve`: whitespace is content in this subtree. */
  children(parent: Node, parentElement: Element | null, preserve: boolean): void {
    const rawText =
      parentElement !== null &&
      parentElement.namespaceURI === HTML_NS &&
      RAW_TEXT_PARENTS.has(parentElement.localName);
    for (let node = parent.firstChild; node; node = node.nextSibling) {
      switch (node.nodeType) {
        case 1:
          this.element(node as Element, preserve);
          break;
        case 3:
        case 4: {
          const data = (node as CharacterData).data;
          if (rawText) this.out += data;
          else if (preserve || !this.collapse) this.out += escapeText(data);
          else this.out += escapeText(collapseSpace(data));
          break;
        }
        case 8:
          if (!this.compact) this.out += `<!--${(node as Comment).data}-->`;
          break;
        case 7: {
          const pi = node as ProcessingInstruction;
          this.out += `<?${pi.target} ${pi.data}>`;
          break;
        }
        case 10:
          this.out += doctypeOf(node as DocumentType);
          break;
        default:
          break;
      }
    }
  }

  element(el: Element, inheritedPreserve: boolean): void {
    const name = tagName(el);
    const html = el.namespaceURI === HTML_NS;
    this.out += `<${name}`;
    const quoteAll = !this.compact || this.keepQuoted.has(el);
    for (const attr of Array.from(el.attributes)) {
      const attrName = attributeName(attr);
      if (this.dropAttributes.has(attrName)) continue;
      let value = attr.value;
      if (this.compact && attrName === 'class' && html) value = value.trim().replace(/[\t\n\f\r ]+/g, ' ');
      if (quoteAll) {
        this.out += ` ${attrName}="${escapeAttribute(value)}"`;
        continue;
      }
      // As short as the parser allows: a bare name for an empty value, no quotes where none are needed,
      // single quotes around a value full of double ones.
      const text = escapeText(value);
      if (text === '') this.out += ` ${attrName}`;
      else if (!ATTRIBUTE_NEEDS_QUOTES.test(text)) this.out += ` ${attrName}=${text}`;
      else if (text.includes('"') && !text.includes("'")) this.out += ` ${attrName}='${text}'`;
      else this.out += ` ${attrName}="${escapeAttribute(value)}"`;
    }
    this.out += '>';
    if (html && VOID_ELEMENTS.has(el.localName)) return;
    const preserve =
      inheritedPreserve ||
      !html ||
      SPACE_PRESERVING.has(el.localName) ||
      this.keepSpace.has(el) ||
      (el.localName === 'template' && isShadowRootTemplate(el));
    if (html && LEADING_NEWLINE_DROPPED.has(el.localName)) {
      const first = el.firstChild;
      if (first && first.nodeType === 3 && (first as Text).data.startsWith('\n')) this.out += '\n';
    }
    if (html && el.localName === 'template') {
      this.children((el as HTMLTemplateElement).content, null, preserve);
    } else this.children(el, el, preserve);
    this.out += `</${name}>`;
  }
}

function isShadowRootTemplate(el: Element): boolean {
  return el.hasAttribute('shadowrootmode') || el.hasAttribute('shadowroot');
}

/** A run of whitespace renders as one space (or one line break where `pre-line` applies): one is kept. */
function collapseSpace(text: string): string {
  return text.replace(COLLAPSIBLE_SPACE, (run) => (run.includes('\n') ? '\n' : ' '));
}

function doctypeOf(dt: DocumentType): string {
  let out = `<!DOCTYPE ${dt.name || 'html'}`;
  if (dt.publicId) out += ` PUBLIC "${dt.publicId}"`;
  if (dt.systemId) out += `${dt.publicId ? '' : ' SYSTEM'} "${dt.systemId}"`;
  return `${out}>`;
}

/** The element and its content as HTML (`outerHTML`, with the options above). */
export function serializeElement(el: Element, options: SerializeOptions = {}): string {
  const writer = new Writer(options);
  writer.element(el, false);
  return writer.out;
}
