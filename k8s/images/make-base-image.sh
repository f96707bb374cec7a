#!/usr/bin/env bash
# Builds Rapport's JVM base image WITHOUT Docker and without any container registry: a Debian bookworm root
# filesystem with OpenJDK 17 (from the Debian archive, via mmdebstrap), plus a non-root user 185 ("jboss", the
# uid Quarkus' Jib images run as), packed as a docker-archive tarball that Jib reads with tar://.
#
#   k8s/images/make-base-image.sh [OUT_DIR]      (default: target/base-image; needs mmdebstrap, root or unshare)
#
# Then build service images with Jib against it (see k8s/README.md, "Images without Docker").
set -euo pipefail

OUT_DIR="$(realpath -m "${1:-target/base-image}")"
SUITE=bookworm
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
MODE=${MMDEBSTRAP_MODE:-auto}
mkdir -p "$OUT_DIR"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "1/3 root filesystem ($SUITE + openjdk-17-jre-headless) ..."
if [ ! -s "$OUT_DIR/rootfs.tar" ]; then
  mmdebstrap --mode="$MODE" --variant=essential --include=openjdk-17-jre-headless,ca-certificates-java \
    --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-exclude=/usr/share/locale/*' \
    "$SUITE" "$OUT_DIR/rootfs.tar" "$MIRROR" "deb ${MIRROR}-security $SUITE-security main"
fi

echo "2/3 non-root user 185 ..."
mkdir -p "$work/user/etc" "$work/user/home/jboss"
tar -xOf "$OUT_DIR/rootfs.tar" ./etc/passwd > "$work/user/etc/passwd"
tar -xOf "$OUT_DIR/rootfs.tar" ./etc/group > "$work/user/etc/group"
grep -q '^jboss:' "$work/user/etc/passwd" || echo 'jboss:x:185:185:Rapport service:/home/jboss:/usr/sbin/nologin' >> "$work/user/etc/passwd"
grep -q '^jboss:' "$work/user/etc/group" || echo 'jboss:x:185:' >> "$work/user/etc/group"
tar --numeric-owner --owner=0 --group=0 --mtime='2000-01-01' -C "$work/user" -cf "$work/user.tar" ./etc/passwd ./etc/group
tar --numeric-owner --owner=185 --group=185 --mtime='2000-01-01' -C "$work/user" -rf "$work/user.tar" ./home/jboss

echo "3/3 docker-archive ..."
mkdir -p "$work/img"
cp "$OUT_DIR/rootfs.tar" "$work/img/layer-rootfs.tar"
cp "$work/user.tar" "$work/img/layer-user.tar"
sha() { sha256sum "$1" | cut -d' ' -f1; }
JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64
cat > "$work/img/config.json" <<JSON
{"architecture":"amd64","os":"linux",
 "config":{"User":"185","WorkingDir":"/home/jboss",
   "Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","JAVA_HOME=$JAVA_HOME","LANG=C.UTF-8"],
   "Labels":{"org.opencontainers.image.title":"rapport-jvm-base","org.opencontainers.image.base.name":"debian:$SUITE"}},
 "rootfs":{"type":"layers","diff_ids":["sha256:$(sha "$work/img/layer-rootfs.tar")","sha256:$(sha "$work/img/layer-user.tar")"]},
 "history":[{"created_by":"mmdebstrap $SUITE openjdk-17-jre-headless"},{"created_by":"user jboss (185)"}]}
JSON
cat > "$work/img/manifest.json" <<JSON
[{"Config":"config.json","RepoTags":["rapport/jvm-base:17-$SUITE"],"Layers":["layer-rootfs.tar","layer-user.tar"]}]
JSON
tar -C "$work/img" -cf "$OUT_DIR/rapport-jvm-base.tar" manifest.json config.json layer-rootfs.tar layer-user.tar
echo "base image: $OUT_DIR/rapport-jvm-base.tar (use -Dquarkus.jib.base-jvm-image=tar://$OUT_DIR/rapport-jvm-base.tar)"
