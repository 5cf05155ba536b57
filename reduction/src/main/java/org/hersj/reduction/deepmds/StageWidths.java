package org.hersj.reduction.deepmds;

import java.util.List;
import java.util.Locale;

/**
 * The stage chains of the paper: the input width first, then the output width of every stage.
 * A trained model can reduce to any width of its chain after the first.
 */
public final class StageWidths {

    /** ArcFace / CosFace 512-d features: 512 -> 256 -> 128 -> 64 -> 32 -> 16. */
    public static final List<Integer> ARCFACE = List.of(512, 256, 128, 64, 32, 16);
    /** DeepPrint 192-d fingerprint features: 192 -> 128 -> 64 -> 32 -> 16 -> 8 -> 4. */
    public static final List<Integer> DEEPPRINT = List.of(192, 128, 64, 32, 16, 8, 4);
    /** ImageNet 1536-d features: 1536 -> 1024 -> 512 -> 256 -> 128 -> 64 -> 32 -> 16. */
    public static final List<Integer> IMAGENET = List.of(1536, 1024, 512, 256, 128, 64, 32, 16);

    private StageWidths() {
    }

    /**
     * @param preset {@code arcface}, {@code deepprint} or {@code imagenet} (case-insensitive)
     * @return the chain of that preset
     * @throws IllegalArgumentException for any other name, listing the valid ones
     */
    public static List<Integer> preset(String preset) {
        switch (preset.toLowerCase(Locale.ROOT)) {
            case "arcface":
                return ARCFACE;
            case "deepprint":
                return DEEPPRINT;
            case "imagenet":
                return IMAGENET;
            default:
                throw new IllegalArgumentException("DeepMdsConfig.preset = '" + preset
                        + "': expected one of arcface, deepprint, imagenet (or give stage_widths instead)");
        }
    }

    /**
     * @param inputDimension a feature width
     * @return the paper's chain starting at that width (512: ArcFace, 192: DeepPrint, 1536: ImageNet), or
     *         null when the paper has none
     */
    public static List<Integer> forInput(int inputDimension) {
        for (List<Integer> chain : List.of(ARCFACE, DEEPPRINT, IMAGENET)) {
            if (chain.get(0) == inputDimension) {
                return chain;
            }
        }
        return null;
    }

    /**
     * The widths after each residual layer of one stage: the down-projections shrink the width by
     * {@code (in - out) / resLayers}, the last one takes the remainder so the stage ends at {@code out}.
     *
     * @param in        stage input width
     * @param out       stage output width (smaller than {@code in})
     * @param resLayers residual layers in the stage
     * @return {@code resLayers + 1} widths starting with {@code in} and ending with {@code out}
     */
    public static int[] residualWidths(int in, int out, int resLayers) {
        int[] widths = new int[resLayers + 1];
        int step = (in - out) / resLayers;
        widths[0] = in;
        for (int i = 1; i < resLayers; i++) {
            widths[i] = in - step * i;
        }
        widths[resLayers] = out;
        return widths;
    }
}
