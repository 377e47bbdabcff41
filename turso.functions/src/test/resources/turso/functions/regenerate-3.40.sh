#!/bin/bash
# Regenerates the SQLite 3.40 expectations of the JSON and math differential
# tests: runs every case of json/cases.txt and math/cases.txt on the sqlite3
# CLI (3.40.1) and writes "case<TAB>outcome" lines to json/expected-3.40.txt
# and math/expected-3.40.txt. {NL} in a case stands for a newline. The query
# is the one SqliteOracle.query() builds, so both oracles print alike. A case
# marked "@3.40 " is one where SQLite 3.54 (sqlite-jdbc) gives another result.
set -e
cd "$(dirname "$0")"
sqlite3 --version | grep -q '^3\.40\.' || { echo "needs the sqlite3 CLI 3.40" >&2; exit 1; }
err=$(mktemp)
for dir in json math; do
  : > "$dir/expected-3.40.txt"
  while IFS= read -r line; do
    expr=${line#@3.40 }
    expr=${expr//\{NL\}/$'\n'}
    q="select typeof(e) || ':' || case typeof(e) when 'real' then printf('%!.17g', e) when 'integer' then e when 'null' then '' else hex(e) end from (select $expr as e)"
    if out=$(sqlite3 :memory: "$q" 2>"$err") && [ ! -s "$err" ]; then
      printf '%s\t%s\n' "$line" "$out" >> "$dir/expected-3.40.txt"
    else
      msg=$(head -n 1 "$err" | sed -e 's/^Error: stepping, //' -e 's/^Error: in prepare, //' -e 's/^Error: //')
      printf '%s\terror:%s\n' "$line" "$msg" >> "$dir/expected-3.40.txt"
    fi
  done < "$dir/cases.txt"
done
rm -f "$err"
