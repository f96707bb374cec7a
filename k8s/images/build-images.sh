#!/usr/bin/env bash
# Builds the image of every service WITHOUT a Docker daemon and without any outside registry:
#   1. a JVM base image made locally from Debian packages (make-base-image.sh), read by Jib as tar://;
#   2. Jib (quarkus-container-image-jib) builds each image and pushes it to a throw-away registry on 127.0.0.1;
#   3. each image is checked (user 185, git-sha label, version tag) and exported as an OCI archive under
#      k8s/target/images/<name>-<version>.oci.tar, ready for `skopeo copy oci-archive:... docker://<your registry>/...`.
#
#   k8s/images/build-images.sh                       all image modules (those depending on quarkus-container-image-jib)
#   MODULES=gateway k8s/images/build-images.sh       a subset (comma-separated module directories)
#
# Needs: mmdebstrap, docker-registry, skopeo (Debian/Ubuntu: apt-get install mmdebstrap docker-registry skopeo).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT="$ROOT/k8s/target/images"
BASE_DIR="$ROOT/k8s/target/base-image"
PORT=${RAPPORT_LOCAL_REGISTRY_PORT:-5000}
REGISTRY="localhost:$PORT"
VERSION=$(sed -n 's:^  <version>\(.*\)</version>.*:\1:p' "$ROOT/pom.xml" | head -1)
GIT_SHA=$(git -C "$ROOT" rev-parse HEAD)
MODULES=${MODULES:-$(grep -l '<artifactId>quarkus-container-image-jib</artifactId>' "$ROOT"/*/pom.xml \
  | xargs -n1 dirname | xargs -n1 basename | paste -sd, -)}
mkdir -p "$OUT"

[ -s "$BASE_DIR/rapport-jvm-base.tar" ] || "$ROOT/k8s/images/make-base-image.sh" "$BASE_DIR"

registry_pid=""
if ! curl -fsS "http://127.0.0.1:$PORT/v2/" >/dev/null 2>&1; then
  reg_dir=$(mktemp -d)
  printf 'version: 0.1\nstorage:\n  filesystem:\n    rootdirectory: %s/data\nhttp:\n  addr: 127.0.0.1:%s\n' "$reg_dir" "$PORT" > "$reg_dir/config.yml"
  docker-registry serve "$reg_dir/config.yml" > "$reg_dir/registry.log" 2>&1 &
  registry_pid=$!
  trap 'kill "$registry_pid" 2>/dev/null || true; rm -rf "$reg_dir"' EXIT
  for _ in $(seq 1 50); do curl -fsS "http://127.0.0.1:$PORT/v2/" >/dev/null 2>&1 && break; sleep 0.2; done
fi

echo "Building $MODULES $VERSION ($GIT_SHA) with Jib -> $REGISTRY"
(cd "$ROOT" && RAPPORT_GIT_SHA="$GIT_SHA" RAPPORT_IMAGE_REGISTRY="$REGISTRY" ./mvnw -B -q -pl "$MODULES" -am package -DskipTests \
  -Dquarkus.container-image.build=true -Dquarkus.container-image.push=true -Dquarkus.container-image.insecure=true \
  -Dquarkus.jib.base-jvm-image="tar://$BASE_DIR/rapport-jvm-base.tar" ${MAVEN_EXTRA_ARGS:-})

status=0
for module in ${MODULES//,/ }; do
  name=$(sed -n 's/^quarkus.application.name=//p' "$ROOT/$module/src/main/resources/application.properties")
  ref="$REGISTRY/rapport/$name:$VERSION"
  config=$(skopeo inspect --config --tls-verify=false "docker://$ref")
  user=$(printf '%s' "$config" | python3 -c 'import json,sys; print(json.load(sys.stdin)["config"].get("User",""))')
  sha=$(printf '%s' "$config" | python3 -c 'import json,sys; print(json.load(sys.stdin)["config"].get("Labels",{}).get("org.opencontainers.image.revision",""))')
  if [ "$user" != "185" ] || [ "$sha" != "$GIT_SHA" ]; then
    echo "FAIL $ref: user '$user' (want 185), revision '$sha' (want $GIT_SHA)"; status=1; continue
  fi
  skopeo copy -q --src-tls-verify=false "docker://$ref" "oci-archive:$OUT/$name-$VERSION.oci.tar:rapport/$name:$VERSION"
  echo "OK   $ref -> $OUT/$name-$VERSION.oci.tar"
done
exit $status
