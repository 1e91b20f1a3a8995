package io.storyline.launcher.local;

/** Keeps {@code args[0]} cores busy until it is killed: the other work of a busy machine, for a test. */
public final class CpuLoad {

    private CpuLoad() {
    }

    public static void main(String[] args) {
        int threads = Integer.parseInt(args[0]);
        for (int i = 0; i < threads; i++) {
            Thread spinner = new Thread(() -> {
                long x = 0;
                while (!Thread.currentThread().isInterrupted()) {
                    x = x * 6364136223846793005L + 1442695040888963407L;
                }
                System.out.println(x);
            }, "spin-" + i);
            spinner.start();
        }
    }
}
