#!/usr/bin/env bash
# Installs kubelint on PATH: `scripts/install.sh [PREFIX]` writes PREFIX/bin/kubelint
# (PREFIX defaults to /usr/local; `scripts/install.sh ~/.local` needs no root).
#
# A release build with the Swift standard library (and Dispatch) linked statically: the binary
# runs without a Swift toolchain, needing only the C and C++ runtime and libyaml
# (libyaml-0-2 on Debian and Ubuntu). The Cloud Build image (examples/cloudbuild/Dockerfile)
# is built with this script too. It builds in .build/install (KUBELINT_INSTALL_BUILD_PATH),
# apart from the ordinary release build, which it would otherwise rebuild with other flags.
set -euo pipefail
prefix=${1:-/usr/local}
cd "$(dirname "$0")/.."
scratch=${KUBELINT_INSTALL_BUILD_PATH:-.build/install}
build=(swift build --configuration release --static-swift-stdlib --scratch-path "$scratch")
"${build[@]}" --product kubelint
binary="$("${build[@]}" --show-bin-path)/kubelint"
mkdir -p "$prefix/bin"
install -m 0755 "$binary" "$prefix/bin/kubelint"
echo "installed $prefix/bin/kubelint ($("$prefix/bin/kubelint" --version))"
case ":$PATH:" in
    *":$prefix/bin:"*) ;;
    *) echo "note: $prefix/bin is not on PATH; add it (export PATH=\"$prefix/bin:\$PATH\") to run kubelint by name" ;;
esac
