using System.Text;
using static Portal.Bench.Capacity.RenderBatchView;

namespace Portal.Bench.Capacity;

/// <summary>
/// What a headless client needs of the DOM to click like a person: for each element that has event handlers, the
/// handler ids by event name, found by how a person or a test names the element (<c>data-testid</c>,
/// <c>aria-label</c>, <c>id</c>, <c>name</c>, or its text). Kept current from each render batch: inserted
/// subtrees add elements, a re-assigned handler replaces its id, disposed handlers and components drop out.
/// </summary>
public sealed class EventHandlerIndex
{
    private static readonly string[] NamingAttributes = ["data-testid", "aria-label", "id", "name"];
    private readonly Dictionary<string, List<ElementHandlers>> byName = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    /// <summary>The id of <paramref name="eventName"/>'s handler on the <paramref name="nth"/> element so named, if any.</summary>
    public ulong? Find(string elementName, string eventName, int nth = 0)
    {
        lock (gate)
        {
            return byName.TryGetValue(elementName, out var elements)
                && elements.Where(e => e.Handlers.ContainsKey(eventName)).Skip(nth).FirstOrDefault() is { } element
                ? element.Handlers[eventName]
                : null;
        }
    }

    public int Count(string elementName, string eventName)
    {
        lock (gate)
        {
            return byName.TryGetValue(elementName, out var elements) ? elements.Count(e => e.Handlers.ContainsKey(eventName)) : 0;
        }
    }

    /// <summary>Every named element and its events, for a scenario author looking for what to click.</summary>
    public string Describe()
    {
        lock (gate)
        {
            return string.Join("; ", byName.Select(kv => $"{kv.Key} [{string.Join(",", kv.Value.SelectMany(e => e.Handlers.Keys).Distinct())}]"));
        }
    }

    public void Apply(RenderBatchView batch)
    {
        lock (gate)
        {
            foreach (var diff in batch.Diffs())
            {
                foreach (var edit in batch.Edits(diff))
                {
                    if (edit.Type == EditType.PrependFrame)
                    {
                        IndexSubtree(batch, diff.ComponentId, edit.ReferenceFrameIndex);
                    }
                    else if (edit.Type == EditType.SetAttribute && batch.FrameAt(edit.ReferenceFrameIndex) is { EventHandlerId: > 0 } attribute)
                    {
                        Reassign(diff.ComponentId, EventName(batch.StringAt(attribute.First)), attribute.EventHandlerId);
                    }
                }
            }
            var disposedHandlers = batch.DisposedEventHandlerIds().ToHashSet();
            var disposedComponents = batch.DisposedComponentIds().ToHashSet();
            if (disposedHandlers.Count > 0 || disposedComponents.Count > 0)
            {
                Prune(disposedHandlers, disposedComponents);
            }
        }
    }

    private void IndexSubtree(RenderBatchView batch, int componentId, int start)
    {
        var end = start + batch.FrameAt(start).SubtreeLength;
        for (var i = start; i < end; i++)
        {
            var frame = batch.FrameAt(i);
            if (frame.Type == FrameType.Element)
            {
                IndexElement(batch, componentId, i, frame);
            }
        }
    }

    private void IndexElement(RenderBatchView batch, int componentId, int index, Frame element)
    {
        var handlers = new Dictionary<string, ulong>(StringComparer.Ordinal);
        var names = new List<string>();
        var i = index + 1;
        var end = index + element.SubtreeLength;
        // An element's attributes are the frames directly after it; its children follow.
        for (; i < end && batch.FrameAt(i) is { Type: FrameType.Attribute } attribute; i++)
        {
            var name = batch.StringAt(attribute.First) ?? "";
            if (attribute.EventHandlerId > 0)
            {
                handlers[EventName(name)] = attribute.EventHandlerId;
            }
            else if (NamingAttributes.Contains(name) && batch.StringAt(attribute.Second) is { Length: > 0 } value)
            {
                names.Add($"{name}={value}");
            }
        }
        if (handlers.Count == 0)
        {
            return;
        }
        var text = new StringBuilder();
        for (; i < end; i++)
        {
            if (batch.FrameAt(i) is { Type: FrameType.Text } frame)
            {
                text.Append(batch.StringAt(frame.First));
            }
        }
        if (text.ToString().Trim() is { Length: > 0 } label)
        {
            names.Add($"text={label}");
        }
        var entry = new ElementHandlers(componentId, handlers);
        foreach (var name in names)
        {
            if (!byName.TryGetValue(name, out var list))
            {
                byName[name] = list = [];
            }
            list.Add(entry);
        }
    }

    /// <summary>
    /// A re-render gave a handler a new id. The edit names the component, not the element: update it when the
    /// component has exactly one element handling that event (as a MudBlazor button has); otherwise the old id is
    /// disposed in the same batch and pruned.
    /// </summary>
    private void Reassign(int componentId, string eventName, ulong handlerId)
    {
        var candidates = byName.Values.SelectMany(l => l)
            .Where(e => e.ComponentId == componentId && e.Handlers.ContainsKey(eventName))
            .Distinct()
            .ToList();
        if (candidates.Count == 1)
        {
            candidates[0].Handlers[eventName] = handlerId;
        }
    }

    private void Prune(HashSet<ulong> disposedHandlers, HashSet<int> disposedComponents)
    {
        foreach (var (name, list) in byName.ToList())
        {
            foreach (var entry in list)
            {
                foreach (var (eventName, id) in entry.Handlers.ToList())
                {
                    if (disposedHandlers.Contains(id))
                    {
                        entry.Handlers.Remove(eventName);
                    }
                }
            }
            list.RemoveAll(e => e.Handlers.Count == 0 || disposedComponents.Contains(e.ComponentId));
            if (list.Count == 0)
            {
                byName.Remove(name);
            }
        }
    }

    private static string EventName(string? attributeName) =>
        attributeName is not null && attributeName.StartsWith("on", StringComparison.Ordinal) ? attributeName[2..] : attributeName ?? "";

    private sealed record ElementHandlers(int ComponentId, Dictionary<string, ulong> Handlers);
}
