// removing a method is a major change: bnd names it and the build fails
def log = new File(basedir, 'build.log').text
assert log =~ /\* org\.unionhub\.api\s+PACKAGE\s+MAJOR\s+1\.1\.0\s+1\.1\.0\s+2\.0\.0/
assert log =~ /REMOVED\s+METHOD\s+memberByCardNumber/
assert log.contains('Baseline problems detected')
