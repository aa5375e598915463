// removing a method is a major change: bnd names it and the build fails
def log = new File(basedir, 'build.log').text
// the columns: package, delta, this build's version, the released one, the version bnd asks for
assert log =~ /\* org\.unionhub\.api\s+PACKAGE\s+MAJOR\s+\S+\s+1\.\d+\.\d+\s+2\.0\.0/
assert log =~ /REMOVED\s+METHOD\s+memberByCardNumber/
assert log.contains('Baseline problems detected')
