#!/usr/bin/env bash
# Builds Citus from a source tree (e.g. citusdata/citus at v13.2.2) against Debian's PostgreSQL 15
# and installs it into /usr/lib/postgresql/15. Nothing is downloaded but apt packages.
#   bench/citus/build.sh SRC_DIR
set -euo pipefail
SRC=${1:?usage: build.sh CITUS_SOURCE_DIR}
SRC=$(cd "$SRC" && pwd)
PG_CONFIG=/usr/lib/postgresql/15/bin/pg_config
[ "$(id -u)" = 0 ] && SUDO= || SUDO=sudo

deps=(postgresql-server-dev-15 libkrb5-dev liblz4-dev libzstd-dev libcurl4-openssl-dev
      build-essential autoconf flex bison libssl-dev libselinux1-dev libxslt1-dev libpam0g-dev libreadline-dev zlib1g-dev)
missing=()
for p in "${deps[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi

# PostgreSQL 15.20 declares have_createdb_privilege() itself (backported from 16); Citus' static
# copy in pg_version_compat.h then clashes with it. Drop the copy when the server headers have one.
compat="$SRC/src/include/pg_version_compat.h"
server_inc=$($PG_CONFIG --includedir-server)
if grep -q 'have_createdb_privilege' "$server_inc/commands/dbcommands.h" \
   && grep -q '^have_createdb_privilege(void)' "$compat"; then
  echo "dropping the static have_createdb_privilege() from $compat"
  perl -0pi -e 's/static inline bool\nhave_createdb_privilege\(void\)\n\{.*?\n\}\n//s' "$compat"
fi

cd "$SRC"
if [ ! -f Makefile.global ] || [ ! -f config.status ]; then
  nice -n 19 ./configure PG_CONFIG=$PG_CONFIG
fi
# no LLVM bitcode for JIT inlining: it doubles the build time and is optional
nice -n 19 make -j2 with_llvm=no
$SUDO nice -n 19 make install with_llvm=no
echo "installed: $(ls "$($PG_CONFIG --pkglibdir)"/citus*.so)"
