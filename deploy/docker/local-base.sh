#!/usr/bin/env bash
# Makes the base images of Storyline's image from Debian's packages, for a machine whose Docker engine cannot pull
# from an image registry (no access, or a proxy that refuses it) but reaches a Debian mirror:
#
#   storyline-base:jre-17   Debian bookworm (minbase), OpenJDK 17 JRE (headless), curl, CA certificates
#   storyline-base:jdk-17   the same with the JDK: the build stage compiles the project in it
#
# then build with them (deploy/README.md, "Without a registry"):
#
#   docker build -f deploy/docker/Dockerfile --build-arg JDK_IMAGE=storyline-base:jdk-17 \
#       --build-arg JRE_IMAGE=storyline-base:jre-17 -t storyline:0.1.0 .
#
# The images trust the certificate authorities this machine added to its own (/usr/local/share/ca-certificates, as
# update-ca-certificates reads them), so a proxy that inspects TLS and that this machine trusts does not break the
# build stage's downloads from Maven Central.
#
# Needs root (debootstrap), debootstrap and a Docker engine (DOCKER_HOST is honoured). The Debian base takes 5-25
# minutes (debootstrap) and is kept as storyline-base:debian-bookworm; running the script again reuses it and only
# remakes the Java images, with Debian's current security updates (--fresh makes the Debian base again too).
# Settings: DEBIAN_MIRROR (default http://deb.debian.org/debian), STORYLINE_BASE (the repository name, default
# storyline-base).
set -euo pipefail

suite=bookworm
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
repository="${STORYLINE_BASE:-storyline-base}"

fail() {
  echo "local-base.sh: $*" >&2
  exit 1
}

fresh=false
case "${1:-}" in
  --fresh) fresh=true ;;
  "") ;;
  *) fail "usage: local-base.sh [--fresh]" ;;
esac

[[ "$(id -u)" == 0 ]] || fail "debootstrap needs root; run it with sudo"
command -v debootstrap > /dev/null || fail "debootstrap is missing (apt-get install debootstrap)"
docker info > /dev/null 2>&1 || fail "no Docker engine answers${DOCKER_HOST:+ at $DOCKER_HOST}"

# What a server image needs of a package: no manuals, translations or documentation, but the licences.
slim_config='path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/info/*
path-exclude /usr/share/locale/*'

debian_base() {
  local rootfs
  rootfs="$(mktemp -d)"
  # shellcheck disable=SC2064 # the folder is known now
  trap "rm -rf '$rootfs' '$rootfs.log'" EXIT
  echo "local-base.sh: Debian $suite from $mirror (debootstrap)" >&2
  debootstrap --variant=minbase --include=ca-certificates,curl "$suite" "$rootfs" "$mirror" > "$rootfs.log" 2>&1 \
    || { tail -20 "$rootfs.log" >&2; fail "debootstrap failed"; }
  # Security and point-release updates come from the same mirror host.
  printf 'deb %s %s main\ndeb %s %s-updates main\ndeb %s/debian-security %s-security main\n' \
    "$mirror" "$suite" "$mirror" "$suite" "${mirror%/debian}" "$suite" > "$rootfs/etc/apt/sources.list"
  printf '%s\n' "$slim_config" > "$rootfs/etc/dpkg/dpkg.cfg.d/storyline-slim"
  rm -rf "$rootfs/var/lib/apt/lists/"* "$rootfs/var/cache/apt/"*.bin "$rootfs/var/cache/apt/archives/"*.deb
  tar -C "$rootfs" -c . | docker import --change 'ENV LANG=C.UTF-8' --change 'CMD ["bash"]' \
    - "$repository:debian-$suite" > /dev/null
}

# The JRE on top of Debian, the JDK on top of the JRE: the two share every layer but the last. Never from the
# build cache: a new run is how security updates arrive.
java_image() {
  local tag="$1" from="$2" package="$3" context
  echo "local-base.sh: $repository:$tag ($package)" >&2
  context="$(mktemp -d)"
  mkdir "$context/ca-certificates"
  find /usr/local/share/ca-certificates -maxdepth 1 -name '*.crt' -exec cp {} "$context/ca-certificates/" \; \
    2> /dev/null || true
  {
    echo "FROM $from"
    echo "COPY ca-certificates/ /usr/local/share/ca-certificates/"
    echo "RUN rm -f /etc/dpkg/dpkg.cfg.d/storyline-slim \\"
    while IFS= read -r line; do
      echo "    && echo '$line' >> /etc/dpkg/dpkg.cfg.d/storyline-slim \\"
    done <<< "$slim_config"
    echo "    && update-ca-certificates \\"
    echo "    && apt-get update \\"
    echo "    && DEBIAN_FRONTEND=noninteractive apt-get upgrade -y \\"
    echo "    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $package \\"
    echo "    && apt-get clean && rm -rf /var/lib/apt/lists/* \\"
    echo "    && java -version"
  } > "$context/Dockerfile"
  docker build --no-cache -q -t "$repository:$tag" "$context" > /dev/null || { rm -rf "$context"; fail "$tag"; }
  rm -rf "$context"
}

if [[ "$fresh" == true ]] || ! docker image inspect "$repository:debian-$suite" > /dev/null 2>&1; then
  debian_base
fi
java_image jre-17 "$repository:debian-$suite" openjdk-17-jre-headless
java_image jdk-17 "$repository:jre-17" openjdk-17-jdk-headless

docker image ls "$repository" >&2
