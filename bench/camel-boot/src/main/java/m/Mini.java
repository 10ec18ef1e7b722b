package m;
/** A trivial camel-main run: one YAML route fired once by a timer, then stop (boot cost only). */
public class Mini {
    public static void main(String[] args) throws Exception {
        org.apache.camel.main.Main main = new org.apache.camel.main.Main();
        main.configure().withRoutesIncludePattern("classpath:routes/once.camel.yaml").withDurationMaxMessages(1);
        main.run(args);
    }
}
