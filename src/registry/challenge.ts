/** One authentication challenge of a `WWW-Authenticate` header (RFC 9110 section 11.6.1). */
export interface AuthChallenge {
  /** The scheme in lowercase: `basic`, `bearer`, ... */
  scheme: string;
  /** Auth parameters, names in lowercase (`realm`, `service`, `scope`, `error`). */
  params: Record<string, string>;
}

const TOKEN_CHAR = /[!#$%&'*+.^_`|~0-9A-Za-z-]/;

/**
 * Parses a `WWW-Authenticate` value into its challenges, e.g.
 * `Bearer realm="https://auth.example.com/token",service="reg",scope="repository:a/b:pull"`.
 * A header may hold several challenges separated by commas (`Basic realm="x", Bearer realm="y"`);
 * a comma followed by `name=` continues the current one. Quoted strings may contain commas and
 * backslash escapes. A token68 (`Negotiate abc==`) is kept as the parameter `token68`. Garbage
 * is skipped rather than thrown on: a registry's header is input, not code.
 */
export function parseAuthChallenges(header: string): AuthChallenge[] {
  const out: AuthChallenge[] = [];
  let i = 0;
  const n = header.length;
  const skip = (chars: RegExp): void => {
    while (i < n && chars.test(header[i] as string)) i++;
  };
  const token = (): string => {
    const start = i;
    while (i < n && TOKEN_CHAR.test(header[i] as string)) i++;
    return header.slice(start, i);
  };
  // Not RFC tokens, but seen in the wild: unquoted values such as realm=https://host/token.
  const bare = (): string => {
    const start = i;
    while (i < n && !/[,\s]/.test(header[i] as string)) i++;
    return header.slice(start, i);
  };
  const quoted = (): string => {
    let value = '';
    i++; // opening quote
    while (i < n && header[i] !== '"') {
      if (header[i] === '\\' && i + 1 < n) i++;
      value += header[i];
      i++;
    }
    i++; // closing quote
    return value;
  };
  /** Whether the text at `i` is `name =` (a parameter) rather than a new scheme. */
  const atParam = (): boolean => {
    const save = i;
    const name = token();
    skip(/[ \t]/);
    const isParam = name !== '' && header[i] === '=';
    i = save;
    return isParam;
  };

  while (i < n) {
    skip(/[\s,]/);
    const scheme = token();
    if (scheme === '') {
      i++; // not a token character: skip it
      continue;
    }
    const challenge: AuthChallenge = { scheme: scheme.toLowerCase(), params: {} };
    out.push(challenge);
    skip(/[ \t]/);
    // token68: a run of token68 characters not followed by `=`-value (its own `=` padding aside).
    const t68 = /^[A-Za-z0-9\-._~+/]+=*(?=\s*(?:,|$))/.exec(header.slice(i));
    if (t68) {
      challenge.params['token68'] = t68[0];
      i += t68[0].length;
      continue;
    }
    while (i < n) {
      skip(/[ \t]/);
      if (!atParam()) break;
      const name = token().toLowerCase();
      skip(/[ \t]/);
      i++; // '='
      skip(/[ \t]/);
      challenge.params[name] = header[i] === '"' ? quoted() : bare();
      skip(/[ \t]/);
      if (header[i] !== ',') break;
      const save = i;
      i++;
      skip(/[\s,]/);
      if (!atParam()) {
        i = save;
        break;
      }
    }
  }
  return out;
}

/** The first challenge of a scheme we can answer (Bearer before Basic), if any. */
export function pickChallenge(challenges: readonly AuthChallenge[]): AuthChallenge | undefined {
  return challenges.find((c) => c.scheme === 'bearer') ?? challenges.find((c) => c.scheme === 'basic');
}
