package dev.eventsuite.launcher.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.EnumMap;
import java.util.Map;

/**
 * Free ports for a suite that must not collide with one already running here (tests, benchmarks).
 */
public final class FreePorts {

  private FreePorts() {}

  /**
   * A free port for every component; the broker's controller and TLS listener take the two ports
   * after the broker's.
   */
  public static Map<Component, Integer> forAllComponents() {
    Map<Component, Integer> ports = new EnumMap<>(Component.class);
    for (Component component : Component.values()) {
      int port = freePort();
      while (component == Component.KAFKA && !(isFree(port + 1) && isFree(port + 2))) {
        port = freePort();
      }
      ports.put(component, port);
    }
    return ports;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return socket.isBound();
    } catch (IOException e) {
      return false;
    }
  }
}
