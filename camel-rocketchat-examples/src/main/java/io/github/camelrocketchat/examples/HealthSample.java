package io.github.camelrocketchat.examples;

import java.io.File;
import java.time.Instant;

/**
 * One reading of the local machine for the alerting route: free disk space where the application runs and JVM
 * heap in use. A real source without HTTP, so the example needs nothing but the JVM.
 *
 * @param host          the host name, as the JVM sees it
 * @param diskFreeBytes usable bytes on the working directory's file system
 * @param diskTotalBytes size of that file system
 * @param heapUsedBytes heap in use
 * @param heapMaxBytes  the heap limit
 * @param takenAt       when the reading was taken
 */
public record HealthSample(String host, long diskFreeBytes, long diskTotalBytes, long heapUsedBytes, long heapMaxBytes,
                           Instant takenAt) {

    /** Reads the machine now. */
    public static HealthSample take() {
        File cwd = new File(".").getAbsoluteFile();
        Runtime rt = Runtime.getRuntime();
        String host = System.getenv().getOrDefault("HOSTNAME", "localhost");
        return new HealthSample(host, cwd.getUsableSpace(), cwd.getTotalSpace(), rt.totalMemory() - rt.freeMemory(),
                rt.maxMemory(), Instant.now());
    }

    /** Percentage of the disk still free (100 when the size is unknown). */
    public int diskFreePercent() {
        return diskTotalBytes <= 0 ? 100 : (int) (diskFreeBytes * 100 / diskTotalBytes);
    }

    /** Percentage of the heap limit in use. */
    public int heapUsedPercent() {
        return heapMaxBytes <= 0 ? 0 : (int) (heapUsedBytes * 100 / heapMaxBytes);
    }
}
