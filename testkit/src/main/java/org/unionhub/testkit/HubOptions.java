package org.unionhub.testkit;

import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.vmOption;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.KarafDistributionOption;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.options.DefaultCompositeOption;
import org.ops4j.pax.exam.options.MavenArtifactUrlReference;

/**
 * The Pax Exam options that boot the assembled distribution for one test class: demo data on, free ports, cheap
 * password hashes, the class's features at boot, long timeouts for a loaded machine, and this kit as a bundle.
 */
final class HubOptions {

    private static final String KARAF_VERSION = "4.4.10";
    private static final String LOCAL_REPO = "org.ops4j.pax.url.mvn.localRepository";

    private HubOptions() {
    }

    /** The options of a class whose container boots {@code features}, before the class's own extra options. */
    static List<Option> base(String hubVersion, String[] features, Class<?> testClass) {
        MavenArtifactUrlReference karaf = maven().groupId("org.unionhub").artifactId("unionhub-distribution")
                .version(hubVersion).type("tar.gz");
        String port = Integer.toString(freePort());
        List<Option> options = new ArrayList<>(Arrays.asList(
                karafDistributionConfiguration().frameworkUrl(karaf).name("UnionHub")
                        .unpackDirectory(new File("target/exam")).useDeployFolder(false),
                configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
                logLevel(LogLevel.WARN),
                systemProperty(HubHttp.PORT_PROPERTY).value(port),
                // on a loaded machine the probe's services come late; the default 10 s wait then hangs the run
                systemProperty("pax.exam.service.timeout").value("180000"),
                systemProperty("org.ops4j.pax.exam.raw.extender.intern.Parser.DEFAULT_TIMEOUT").value("180000"),
                // the probe waits 10 s for Pax Exam's Injector service; under load it comes later ("gave up waiting")
                systemProperty("org.ops4j.pax.exam.invoker.junit.internal.JUnitProbeInvokerFactory.DEFAULT_TIMEOUT").value("180000"),
                systemProperty("org.ops4j.pax.swissbox.tracker.ServiceLookup.DEFAULT_TIMEOUT").value("180000"),
                // Felix SCR gives up on a component whose activation waits > 5 s for another thread ("Could not
                // obtain lock"); on a machine shared by several builds that happened at boot and the hub never came up
                systemProperty("ds.lock.timeout.milliseconds").value("60000"),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", port),
                // several containers may run at once on one machine (CI, parallel module builds)
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", Integer.toString(freePort())),
                editConfigurationFilePut("etc/org.unionhub.hub.cfg", "demo", "true"),
                // tests create many accounts: a cheap hash keeps them fast; production keeps the slow default
                editConfigurationFilePut("etc/org.unionhub.security.cfg", "password.iterations", "1000"),
                editConfigurationFilePut("etc/org.apache.karaf.features.cfg", "featuresBoot",
                        "instance,package,log,ssh,framework,system,eventadmin,feature,shell,management,service,jaas,"
                                + "deployer,diagnostic,wrap,bundle,config,kar,scr," + String.join(",", features)),
                vmOption("-Djdk.util.zip.disableZip64ExtraFieldValidation=true"),
                vmOption("-Xmx768m"),
                // a container lives for one class: on 2 cores the optimising compiler's work competes with the boot,
                // and C1 alone made small classes 25-30 % faster and the fuzz no slower (docs/measurements.md)
                vmOption("-XX:TieredStopAtLevel=1"),
                // the kit's classes (HubTestSupport and its nested records), for the test class in the probe
                mavenBundle("org.unionhub", "unionhub-testkit").version(hubVersion)));
        String localRepo = System.getProperty(LOCAL_REPO);
        if (localRepo != null && !localRepo.isBlank()) {
            // the container resolves the kit, test features and KARs from the same local repository as the build
            options.add(editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", LOCAL_REPO, localRepo));
        }
        for (String flag : jpmsFlags()) {
            options.add(vmOption(flag));
        }
        Option answers = Answers.option(testClass);
        if (answers != null) {
            options.add(answers);
        }
        return options;
    }

    /** See {@link HubTestSupport#kar(Path, String...)}. */
    static Option kar(Path kar, String... featureNames) {
        List<Option> options = new ArrayList<>();
        try (ZipFile zip = new ZipFile(kar.toFile())) {
            Path unpacked = Files.createTempDirectory("unionhub-kar-");
            for (ZipEntry e : Collections.list(zip.entries())) {
                String name = e.getName();
                if (e.isDirectory() || !name.startsWith("repository/") || name.contains("maven-metadata")) {
                    continue;
                }
                String path = name.substring("repository/".length());
                Path file = unpacked.resolve(path);
                Files.createDirectories(file.getParent());
                try (InputStream in = zip.getInputStream(e)) {
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                }
                file.toFile().deleteOnExit();
                options.add(KarafDistributionOption.replaceConfigurationFile("system/" + path, file.toFile()));
                if (path.endsWith(".xml")) {
                    options.add(KarafDistributionOption.features(mvnUrl(path), featureNames));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the KAR " + kar, e);
        }
        return new DefaultCompositeOption(options.toArray(new Option[0]));
    }

    /** {@code g/r/oup/artifact/version/artifact-version-classifier.xml} → {@code mvn:g.r.oup/artifact/version/xml/classifier}. */
    private static String mvnUrl(String repositoryPath) {
        String[] parts = repositoryPath.split("/");
        int n = parts.length;
        String artifact = parts[n - 3];
        String version = parts[n - 2];
        String group = String.join(".", Arrays.copyOfRange(parts, 0, n - 3));
        String rest = parts[n - 1].substring((artifact + "-" + version).length(), parts[n - 1].length() - ".xml".length());
        return "mvn:" + group + "/" + artifact + "/" + version + "/xml" + (rest.startsWith("-") ? "/" + rest.substring(1) : "");
    }

    /** This kit's version, from the filtered {@code testkit.properties} in its jar. */
    static String ownVersion() {
        try (InputStream in = HubOptions.class.getResourceAsStream("testkit.properties")) {
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("testkit.properties is missing from the unionhub-testkit jar", e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Java 9+ module flags of bin/karaf; without them OsgiLocator errors fill the log. */
    private static List<String> jpmsFlags() {
        return List.of("--add-reads=java.xml=java.logging",
                "--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED",
                "--patch-module", "java.base=lib/endorsed/org.apache.karaf.specs.locator-" + KARAF_VERSION + ".jar",
                "--patch-module", "java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + KARAF_VERSION + ".jar",
                "--add-opens", "java.base/java.security=ALL-UNNAMED",
                "--add-opens", "java.base/java.net=ALL-UNNAMED",
                "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                "--add-opens", "java.base/java.util=ALL-UNNAMED",
                "--add-opens", "java.naming/javax.naming.spi=ALL-UNNAMED",
                "--add-opens", "java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.ftp=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.content.text=ALL-UNNAMED",
                "--add-exports=jdk.xml.dom/org.w3c.dom.html=ALL-UNNAMED",
                "--add-exports=jdk.naming.rmi/com.sun.jndi.url.rmi=ALL-UNNAMED");
    }
}
