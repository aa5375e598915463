#!/bin/sh
# Makes the api jars of this checkout the API baseline: the release that later builds are compared with.
# Run it at a release, after `mvn install` of that release:
#
#   api-baseline/update.sh 0.2.0
#
# It stores each api jar as <version> in its module's baseline/ folder (a Maven repository layout: bundles/core/baseline,
# bundles/<module>/baseline), drops the older ones and points the property unionhub.api.baseline in the root pom.xml
# at <version>. Commit the result.
set -eu
version=${1:?usage: api-baseline/update.sh <release version, e.g. 0.1.0>}
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
apis="bundles/core/hub-api bundles/mutualaid/mutualaid-api bundles/recuperation/recuperation-api
bundles/jobfairs/jobfairs-api bundles/fairs/fairs-api bundles/modelworkers/modelworkers-api"

for dir in $apis; do
    artifact=$(sed -n 's:^  <artifactId>\(.*\)</artifactId>$:\1:p' "$root/$dir/pom.xml" | head -n 1)
    jar=$(ls "$root/$dir"/target/"$artifact"-*.jar 2>/dev/null | grep -v -e '-sources' -e '-javadoc' | head -n 1 || true)
    if [ -z "$jar" ]; then
        echo "no jar in $dir/target: run mvn install first" >&2
        exit 1
    fi
    out="$root/$(dirname "$dir")/baseline/org/unionhub/$artifact"
    rm -rf "$out"
    mkdir -p "$out/$version"
    cp "$jar" "$out/$version/$artifact-$version.jar"
    sha1sum "$jar" | cut -d" " -f1 > "$out/$version/$artifact-$version.jar.sha1"
    cat > "$out/$version/$artifact-$version.pom" <<POM
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>org.unionhub</groupId>
  <artifactId>$artifact</artifactId>
  <version>$version</version>
  <description>API baseline only: the exported api of UnionHub $version, compared with by bnd-baseline-maven-plugin.</description>
</project>
POM
    echo "baseline $artifact $version <- ${jar#$root/}"
done
sed -i "s:<unionhub.api.baseline>[^<]*</unionhub.api.baseline>:<unionhub.api.baseline>$version</unionhub.api.baseline>:" "$root/pom.xml"
echo "root pom.xml: unionhub.api.baseline = $version"
