package dev.eventsuite.anomaly.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxVectorModelTest {

  @TempDir Path folder;

  @Test
  void shouldScoreAFeatureVectorWithAUsersModel() throws Exception {
    Path file = OnnxFiles.weightedSum(folder.resolve("sum.onnx"), 0.5f, 2f, -1f);

    try (OnnxVectorModel model = new OnnxVectorModel("sum", file)) {
      assertThat(model.score(new float[] {4, 1, 3})).isCloseTo(1.0, within(1e-6));
      assertThat(model.score(new float[] {10, 5, 0})).isCloseTo(15.0, within(1e-6));
      assertThat(model.name()).isEqualTo("sum");
    }
  }

  @Test
  void shouldRefuseAFileThatIsNotAModel() throws Exception {
    Path file = Files.writeString(folder.resolve("broken.onnx"), "not a model");

    assertThatThrownBy(() -> new OnnxVectorModel("broken", file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot load the ONNX model 'broken'");
  }
}
