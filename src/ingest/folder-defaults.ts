/**
 * Per-folder defaults: a `.readout.yml` file in an archive folder says what the files under it
 * do not, for a plain archive whose files carry no outlet (a folder of `.txt` files):
 *
 * ```yaml
 * source: BBC News                              # the outlet of every article under this folder
 * url_prefix: https://news.example.com/archive/ # + the file's path under this folder = its link
 * language: en                                  # a BCP 47 tag; checked, kept for language-aware search
 * ```
 *
 * A nearer file overrides a farther one key by key, up to the configured archive folder (files
 * above it are not read). An article's own metadata, masthead or dateline always wins: defaults
 * only fill what the article leaves empty.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The YAML parser, loaded the first time a folder has defaults: most archives have none, and
 * loading it is a twentieth of a second of every re-index's start.
 */
let yaml: typeof import('yaml') | undefined;
const parseYaml = (text: string): unknown => {
  yaml ??= createRequire(import.meta.url)('yaml') as typeof import('yaml');
  return yaml.parse(text);
};

/** The name of a per-folder defaults file. */
export const folderDefaultsFile = '.readout.yml';

/** What one `.readout.yml` says. */
export interface FolderDefaults {
  source?: string;
  urlPrefix?: string;
  language?: string;
}

/** The defaults in force for one article file. */
export interface FileDefaults {
  source?: string;
  /** url_prefix + the file's path under the folder that set it. */
  url?: string;
  language?: string;
}

/** A `.readout.yml` that could not be used in full, with the reason. */
export interface DefaultsProblem {
  file: string;
  reason: string;
}

const knownKeys = ['source', 'url_prefix', 'language'];

/**
 * Reads the text of a `.readout.yml`. Returns the defaults it gives and the problems found (an
 * unknown key, a value of the wrong kind): a bad value is left out, the good ones still apply.
 * Invalid YAML gives no defaults and one problem.
 *
 * @example parseFolderDefaults('source: BBC News') // { defaults: { source: 'BBC News' }, problems: [] }
 */
export function parseFolderDefaults(text: string): { defaults: FolderDefaults; problems: string[] } {
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    return { defaults: {}, problems: [`invalid YAML (${reason}); its defaults are not applied`] };
  }
  if (data === null || data === undefined) return { defaults: {}, problems: [] };
  if (typeof data !== 'object' || Array.isArray(data)) {
    return { defaults: {}, problems: ['expected keys such as "source: Outlet name"; nothing applied'] };
  }
  const fields = data as Record<string, unknown>;
  const problems = Object.keys(fields)
    .filter((key) => !knownKeys.includes(key))
    .map((key) => `unknown key "${key}" ignored (known: ${knownKeys.join(', ')})`);
  const text_ = (key: string): string | undefined => {
    const value = fields[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
    problems.push(`"${key}" should be a line of text; ignored`);
    return undefined;
  };
  const defaults: FolderDefaults = {};
  const source = text_('source');
  if (source) defaults.source = source;
  const urlPrefix = text_('url_prefix');
  if (urlPrefix && /^https?:\/\/\S+$/iu.test(urlPrefix)) defaults.urlPrefix = urlPrefix;
  else if (urlPrefix)
    problems.push(`"url_prefix" should start with http:// or https:// (${urlPrefix}); ignored`);
  const language = text_('language');
  if (language) {
    try {
      defaults.language = Intl.getCanonicalLocales(language)[0];
    } catch {
      problems.push(`"language" should be a language tag such as en or pt-BR (${language}); ignored`);
    }
  }
  return { defaults, problems };
}

/** Defaults in force in one folder: the merged files, and where url_prefix was set. */
interface EffectiveDefaults {
  source?: string;
  urlPrefix?: string;
  /** The folder whose file set url_prefix: link paths are relative to it. */
  urlRoot?: string;
  language?: string;
}

/**
 * Resolves the defaults of article files under the configured archive folders, reading each
 * folder's `.readout.yml` once per run.
 */
export class FolderDefaultsReader {
  readonly problems: DefaultsProblem[] = [];
  private readonly folders = new Map<string, EffectiveDefaults>();

  /** `roots`: the configured archive folders (absolute); no file above them is read. */
  constructor(private readonly roots: readonly string[]) {}

  /** The defaults for an article file under one of the roots. */
  forFile(file: string): FileDefaults {
    const folder = this.forFolder(path.dirname(file));
    const defaults: FileDefaults = {};
    if (folder.source) defaults.source = folder.source;
    if (folder.language) defaults.language = folder.language;
    if (folder.urlPrefix && folder.urlRoot) {
      const relative = path.relative(folder.urlRoot, file).split(path.sep).map(encodeURIComponent).join('/');
      defaults.url = folder.urlPrefix.endsWith('/')
        ? folder.urlPrefix + relative
        : `${folder.urlPrefix}/${relative}`;
    }
    return defaults;
  }

  /**
   * A fingerprint of the defaults in force in a folder (empty when there are none), so a re-index
   * can tell which folders' files must be read again after a `.readout.yml` changed.
   */
  signature(folder: string): string {
    const { source, urlPrefix, urlRoot, language } = this.forFolder(folder);
    return source || urlPrefix || language ? JSON.stringify([source, urlPrefix, urlRoot, language]) : '';
  }

  private forFolder(folder: string): EffectiveDefaults {
    const cached = this.folders.get(folder);
    if (cached) return cached;
    const isRoot = this.roots.includes(folder);
    const parent = path.dirname(folder);
    const inherited = isRoot || parent === folder ? {} : this.forFolder(parent);
    const own = this.read(folder);
    const merged: EffectiveDefaults = { ...inherited };
    if (own.source) merged.source = own.source;
    if (own.language) merged.language = own.language;
    if (own.urlPrefix) {
      merged.urlPrefix = own.urlPrefix;
      merged.urlRoot = folder;
    }
    this.folders.set(folder, merged);
    return merged;
  }

  private read(folder: string): FolderDefaults {
    const file = path.join(folder, folderDefaultsFile);
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') {
        this.problems.push({
          file,
          reason: `cannot read (${code ?? String(error)}); its defaults are not applied`,
        });
      }
      return {};
    }
    const { defaults, problems } = parseFolderDefaults(text);
    for (const reason of problems) this.problems.push({ file, reason });
    return defaults;
  }
}
