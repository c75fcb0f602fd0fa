package dev.eventsuite.anomaly.model;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.eventsuite.anomaly.domain.VectorModel;
import java.nio.file.Path;

/**
 * A user's ONNX model run in process by ONNX Runtime. It takes one float tensor of shape [1,
 * inputs] and its first output holds the score.
 */
public final class OnnxVectorModel implements VectorModel, AutoCloseable {

  private final String name;
  private final OrtEnvironment environment;
  private final OrtSession session;
  private final String input;

  public OnnxVectorModel(String name, Path file) {
    this.name = name;
    this.environment = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      // Scoring runs on the stream's thread, one small vector at a time.
      options.setIntraOpNumThreads(1);
      this.session = environment.createSession(file.toString(), options);
    } catch (OrtException e) {
      throw new IllegalArgumentException(
          "cannot load the ONNX model '" + name + "' from " + file, e);
    }
    if (session.getNumInputs() != 1) {
      throw new IllegalArgumentException(
          "the model '" + name + "' takes " + session.getNumInputs() + " inputs; expected one");
    }
    this.input = session.getInputNames().iterator().next();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public double score(float[] features) {
    try (OnnxTensor tensor = OnnxTensor.createTensor(environment, new float[][] {features});
        OrtSession.Result result = session.run(java.util.Map.of(input, tensor))) {
      return first(result.get(0));
    } catch (OrtException e) {
      throw new IllegalStateException("the model '" + name + "' failed: " + e.getMessage(), e);
    }
  }

  private double first(OnnxValue output) throws OrtException {
    Object value = output.getValue();
    while (value instanceof Object[] nested && nested.length > 0) {
      value = nested[0];
    }
    if (value instanceof float[] floats && floats.length > 0) {
      return floats[0];
    }
    if (value instanceof double[] doubles && doubles.length > 0) {
      return doubles[0];
    }
    if (value instanceof Float single) {
      return single;
    }
    throw new IllegalStateException(
        "the model '" + name + "' gives no float score as its first output");
  }

  @Override
  public void close() throws OrtException {
    session.close();
  }
}
