// After the generated module built and passed its tests: every module the hub ships has the shape this archetype
// generates (issue 17), so that a shipped module reads as an example for integrators. Compared per module folder:
// the same parts (<id>-api, -service, -feature, -itests, pom.xml, README.md), in each part the same build files,
// resources and source roots, and in the service the classes of the archetype's roles under the same names.
// Allowed beside them: baseline/ (the released api it stays compatible with) and further bundles of the module
// (<id>-policy-*); console screens either as the plain ES module src/main/resources/console/main.js or built from
// Vue files in src/main/console/ (frontend/build.mjs module).

// the generated module: basedir itself or a folder below it (the plugin's versions differ in what basedir names)
File generated = null
new File(basedir as String).traverse(type: groovy.io.FileType.DIRECTORIES, maxDepth: 3,
        preRoot: true) { if (generated == null && new File(it, 'notices-api').isDirectory()) generated = it }
if (generated == null && new File(basedir as String, 'notices-api').isDirectory()) generated = new File(basedir as String)
assert generated != null : "no generated module under ${basedir}"
File root = generated
while (root != null && !(new File(root, 'bundles').isDirectory() && new File(root, 'archetype').isDirectory())) {
    root = root.parentFile
}
assert root != null : "the hub's checkout is not above ${generated}"

// request examples (*.example.json) are content like the classes; build.log is the archetype test's own
def skip = { String path -> path.split('/').any { it in ['target', 'node_modules'] } || path.endsWith('.example.json') || path == 'build.log' }
def files = { File dir ->
    def out = [] as SortedSet
    dir.eachFileRecurse(groovy.io.FileType.FILES) { f ->
        String rel = dir.toPath().relativize(f.toPath()).toString().replace('\\', '/')
        if (!skip(rel)) out << rel
    }
    out
}

// a module's shape, with its id made a placeholder: its build files and resources as they are, its source roots,
// "has REST resources", "has Pax Exam tests", and the simple names of its service classes
def shapeOf = { File dir, String m ->
    def out = [] as SortedSet
    def serviceClasses = [] as SortedSet
    files(dir).each { String rel ->
        String p = rel.replace(m, '{m}')
        def java = p =~ /^(\{m\}-[a-z]+\/src\/(main|test)\/java)\/.*?([^\/]+\.java)$/
        if (java) {
            out << java[0][1] + '/'
            if (p.startsWith('{m}-service/src/main/java/') && !p.contains('/rest/')) serviceClasses << java[0][3]
            if (p ==~ /\{m\}-service\/src\/main\/java\/.*\/internal\/rest\/[^\/]+Resource\.java/) {
                out << '{m}-service/src/main/java/**/internal/rest/*Resource.java'
            }
            if (p ==~ /\{m\}-itests\/src\/test\/java\/.*IT\.java/) out << '{m}-itests/src/test/java/**/*IT.java'
        } else if (p ==~ /.*\/db\/migration\/V1__.*\.sql/) {
            out << p.replaceAll(/V1__.*\.sql$/, 'V1__*.sql')
        } else if (p == '{m}-service/src/main/resources/console/main.js' || p == '{m}-service/src/main/console/main.js') {
            out << '{m}-service console screens'
        } else {
            out << p
        }
    }
    [out, serviceClasses]
}

def (expected, generatedClasses) = shapeOf(generated, 'notices')
// the service's role classes: what the archetype names without its example entity (Item*)
def roles = generatedClasses.findAll { !it.startsWith('Item') } as SortedSet
assert roles.containsAll(['ModuleConfig.java', 'DemoData.java', 'ConsoleScreens.java', 'Descriptor.java']) : roles

def problems = []
def shipped = ['fairs', 'jobfairs', 'recuperation', 'mutualaid', 'modelworkers']
shipped.each { String m ->
    File dir = new File(root, "bundles/${m}")
    def (shape, classes) = shapeOf(dir, m)
    (expected - shape).each { problems << "bundles/${m}: lacks ${it.replace('{m}', m)}" }
    (roles - classes).each { problems << "bundles/${m}/${m}-service: no class ${it} (the archetype's name for that role)" }
    dir.listFiles().each { File top ->
        String name = top.name
        boolean known = expected.any { it.startsWith(name.replace(m, '{m}') + '/') || it == name.replace(m, '{m}') }
        if (!known && name != 'baseline' && !(name ==~ /${m}-policy-[a-z]+/) && !(name in ['target'])) {
            problems << "bundles/${m}: ${name} is not part of the module shape"
        }
    }
}
// a module the hub ships that this list forgot is no exception to the shape
new File(root, 'bundles').listFiles().findAll { it.isDirectory() && it.name != 'core' }.each {
    if (!(it.name in shipped)) problems << "bundles/${it.name}: a module folder this check does not know"
}
assert problems.isEmpty() : "shipped modules that differ from the archetype's shape:\n  " + problems.join('\n  ')
println "module shape: ${shipped.size()} shipped modules match the archetype's ${expected.size()} entries and roles ${roles}"
return true
