// removing a method is a major change: bnd names it and the build fails
def log = new File(basedir, 'build.log').text
// the columns: package, delta, this build's version, the released 1.1.0, the version bnd asks for
assert log =~ /\* org\.unionhub\.api\s+PACKAGE\s+MAJOR\s+\S+\s+1\.1\.0\s+2\.0\.0/
assert log =~ /REMOVED\s+METHOD\s+memberByCardNumber/
assert log.contains('Baseline problems detected')
