#!/usr/bin/env bash
# Makes a KAR with another version of a shipped module, as a region's integrator would ship a fix: the
# module's service bundle of this hub with a new Bundle-Version and, optionally, one more migration.
#
#   benchmarks/hotdeploy/next-version.sh HUB_HOME MODULE VERSION [MIGRATION.sql] > module-VERSION.kar
#
# e.g. next-version.sh run/unionhub fairs 0.2.1 V90__fairs_note.sql (a version above the running one); drop the KAR into HUB_HOME/deploy/
# or add its feature repository and run hub:update MODULE VERSION.
set -euo pipefail
hub=$1 module=$2 version=$3 migration=${4:-}
jar=$(ls "$hub"/system/org/unionhub/org.unionhub."$module".service/*/org.unionhub."$module".service-*.jar | head -1)
api=$(ls "$hub"/system/org/unionhub/org.unionhub."$module".api/*/org.unionhub."$module".api-*.jar | head -1)
api_version=$(basename "$(dirname "$api")")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bundle" "$work/kar/repository/org/unionhub/hotdeploy/$module/$version"
(cd "$work/bundle" && jar xf "$jar")
sed -i "s/^Bundle-Version: .*/Bundle-Version: $version/" "$work/bundle/META-INF/MANIFEST.MF"
if [ -n "$migration" ]; then
  cp "$migration" "$work/bundle/db/migration/"
fi
repo="$work/kar/repository/org/unionhub/hotdeploy/$module/$version"
(cd "$work/bundle" && jar --create --file "$repo/$module-$version.jar" --manifest META-INF/MANIFEST.MF \
  $(ls -A | grep -v '^META-INF$') $(cd META-INF && ls -A | grep -v '^MANIFEST.MF$' | sed 's#^#META-INF/#'))
cat > "$repo/$module-$version-features.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<features name="unionhub-$module-$version" xmlns="http://karaf.apache.org/xmlns/features/v1.6.0">
    <feature name="unionhub-$module" version="$version" description="$module $version">
        <feature>unionhub-core</feature>
        <bundle>mvn:org.unionhub/org.unionhub.$module.api/$api_version</bundle>
        <bundle>mvn:org.unionhub.hotdeploy/$module/$version</bundle>
    </feature>
</features>
XML
(cd "$work/kar" && jar --create --file "$work/out.kar" repository)
cat "$work/out.kar"
