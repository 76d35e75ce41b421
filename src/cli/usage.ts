/** A mistake in how the command was called: exit code 1. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The command was well formed, but a file or folder it names cannot be used: exit code 3. */
export class FileProblem extends Error {
  override name = 'FileProblem';
}

export const HELP = `lean-on: the Lean On journal from the command line

Usage: lean-on <command> [options]

Commands:
  init                         create a journal; prints the recovery code once
  add [TEXT | -]               add an entry (plain text or Markdown; - or no TEXT reads stdin)
      --title T  --theme ID (repeatable)  --date YYYY-MM-DD
  list                         entries, newest first
      --theme ID (repeatable)  --all-themes  --limit N  --starred  --trash  --json
  show ID [--json]             one entry in full
  search QUERY                 full-text search (words, "phrases", prefix*)
      --theme ID (repeatable)  --limit N  --json
  themes [--json]              themes with their entry counts
  themes suggest --jsonl       lines of {"text"} on stdin → {"themes": [{id, score, why}]} per line
                               (needs no journal)
  prompts [--theme ID] [--json]
  prompt today                 today's prompt
  passwd                       change the passphrase (--new-passphrase-file FILE)
  recover                      set a new passphrase with the recovery code
      --recovery-code-file FILE  --new-passphrase-file FILE
  key --raw                    print the database key (64 hex digits) for the SQLCipher shell
  import --from FORMAT PATH    add the entries of an export; skips those already imported
      FORMAT: dayone | jrnl | minidiary | markdown (a folder or .md file) | backup
      --no-new-themes (leave off tags that match no theme)  --json
      --backup-passphrase-file FILE (a backup of another journal; else this one's passphrase)
  export --format md|json|html --out PATH     NOT encrypted: anyone with the files can read them
      --zip (md)  --from YYYY-MM-DD  --to YYYY-MM-DD  --theme ID (html)  --json
      --read-only (a damaged journal: md or json of every entry that can still be read)
  backup --out FILE [--json]   an encrypted copy of the whole journal, checked before it is kept
  check [--json]               read every page of the journal: damage to entries is reported
                               (exit 3), a damaged search index or other index is rebuilt
  restore FILE --to DIR        a backup into a new or empty folder; open it with --journal DIR
  restore FILE --in-place      a backup in the place of a damaged journal; its files are kept
      --json

Options for every command:
  --journal DIR                the journal folder (else $LEAN_ON_JOURNAL, else the app's folder)
  --passphrase-file FILE       read the passphrase from the first line of FILE
  -h, --help                   this help

Exit codes: 0 done, 1 usage, 2 wrong passphrase or recovery code, 3 other journal or file errors.
`;
