// a new method in a provider type is minor: with the minor bump the check passes
def log = new File(basedir, 'build.log').text
assert log.contains('Baseline check succeeded')
def report = new File(basedir, 'target/baseline').listFiles().find { it.name.endsWith('.txt') }
assert report.text =~ /MINOR\s+1\.99\.0\s+1\.\d+\.\d+/
