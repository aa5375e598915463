// modules implement HubModule: a new abstract method breaks them, so only a major version will do
def log = new File(basedir, 'build.log').text
assert log =~ /\* org\.unionhub\.api\s+PACKAGE\s+MAJOR\s+1\.2\.0\s+1\.1\.0\s+2\.0\.0/
assert log =~ /ADDED\s+METHOD\s+owner\(\)/
