package dev.warden.inventory;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Everything a scan read: the apps, and the problems met while reading them. */
public record Inventory(List<App> apps, List<InputProblem> problems) {

  public Inventory {
    apps = List.copyOf(apps);
    problems = problems.stream().sorted().distinct().toList();
  }

  public Stream<ServerlessFunction> functions() {
    return apps.stream().flatMap(app -> app.functions().stream());
  }

  /**
   * For every function (by id), the other functions that run as the same role: a role declared in
   * an app is shared by the functions of that app that use it; a role known only by ARN is shared
   * by functions naming the same ARN. One pass over the inventory; the lists are views of one list
   * per role.
   */
  public Map<String, List<ServerlessFunction>> roleSharing() {
    Map<String, List<ServerlessFunction>> byRole = new HashMap<>();
    for (App app : apps) {
      for (ServerlessFunction function : app.functions()) {
        roleKey(app, function)
            .ifPresent(key -> byRole.computeIfAbsent(key, k -> new ArrayList<>()).add(function));
      }
    }
    Map<String, List<ServerlessFunction>> sharing = new HashMap<>();
    for (List<ServerlessFunction> group : byRole.values()) {
      List<ServerlessFunction> members = List.copyOf(group);
      for (int i = 0; i < members.size(); i++) {
        sharing.put(members.get(i).id(), new Others(members, i));
      }
    }
    return sharing;
  }

  /**
   * The members of a group but one, as a view: a role shared by thousands of functions costs one
   * list, not one list per function.
   */
  private static final class Others extends AbstractList<ServerlessFunction> {
    private final List<ServerlessFunction> group;
    private final int self;

    Others(List<ServerlessFunction> group, int self) {
      this.group = group;
      this.self = self;
    }

    @Override
    public ServerlessFunction get(int index) {
      return group.get(index < self ? index : index + 1);
    }

    @Override
    public int size() {
      return group.size() - 1;
    }
  }

  private static Optional<String> roleKey(App app, ServerlessFunction function) {
    ExecutionRole role = function.role();
    if (role.logicalId().isPresent()) {
      return Optional.of(app.id() + "#" + role.logicalId().get());
    }
    return role.arn().isConcrete() ? Optional.of(role.arn().toString()) : Optional.empty();
  }
}
