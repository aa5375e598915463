// modules implement HubModule: a new abstract method breaks them, so only a major version will do
def log = new File(basedir, 'build.log').text
// the columns: package, delta, this build's version, the released one, the version bnd asks for
assert log =~ /\* org\.unionhub\.api\s+PACKAGE\s+MAJOR\s+1\.99\.0\s+1\.\d+\.\d+\s+2\.0\.0/
assert log =~ /ADDED\s+METHOD\s+owner\(\)/
