package dev.eventsuite.platform.http;

import jakarta.enterprise.context.RequestScoped;

/** The caller of the request being answered, as {@link ApiKeyFilter} recognised it. */
@RequestScoped
public class CurrentCaller {

  private Caller caller;

  /** The caller; only known on endpoints that require a key or token. */
  public Caller get() {
    if (caller == null) {
      throw new IllegalStateException("no caller: the endpoint does not require a key");
    }
    return caller;
  }

  void set(Caller caller) {
    this.caller = caller;
  }
}
