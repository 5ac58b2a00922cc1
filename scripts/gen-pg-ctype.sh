#!/usr/bin/env bash
# Regenerates server/LspTriage.Core/Similarity/Trigrams/PgCtypeTable.cs from a live PostgreSQL (UTF-8, C.UTF-8 ctype).
# usage: LSPTRIAGE_PSQL="psql -h 127.0.0.1 -p PORT -U postgres" scripts/gen-pg-ctype.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
${LSPTRIAGE_PSQL:?set LSPTRIAGE_PSQL} -Atc "create extension if not exists pg_trgm" >/dev/null
${LSPTRIAGE_PSQL} -Atc "select cp from generate_series(128,1114111) cp where (cp < 55296 or cp > 57343) and show_trgm(chr(cp)) <> '{}' order by cp" |
python3 -c '
import sys
cps=[int(x) for x in sys.stdin]
r=[];s=cps[0];p=s
for c in cps[1:]:
    if c!=p+1: r.append((s,p)); s=c
    p=c
r.append((s,p))
rows=[", ".join(f"0x{a:X}, 0x{b:X}" for a,b in r[i:i+6]) for i in range(0,len(r),6)]
print("\n".join("        "+x+"," for x in rows))
' > /tmp/pgctype-rows.txt
python3 - "$root/server/LspTriage.Core/Similarity/Trigrams/PgCtypeTable.cs" <<'P'
import sys,re
path=sys.argv[1]; src=open(path).read(); rows=open("/tmp/pgctype-rows.txt").read().rstrip("\n")
n=rows.count("0x")//2
src=re.sub(r"(=>\n    \[\n).*?(\n    \];)", lambda m: m.group(1)+rows+m.group(2), src, flags=re.S)
src=re.sub(r"/// <summary>\d+ inclusive", f"/// <summary>{n} inclusive", src)
open(path,"w").write(src)
P
