using Mono.Cecil;
using Mono.Cecil.Cil;

namespace PortalApp.Tests.Architecture;

/// <summary>
/// Which folder of <c>PortalApp/</c> uses which, read from the compiled assembly (every type a type's members,
/// signatures, attributes and method bodies name), so a using directive or a global import cannot hide an arrow.
/// A folder is the namespace segment after <c>PortalApp.</c>; <c>Program</c> is the root namespace itself.
/// </summary>
internal static class FolderDependencies
{
    public const string Root = "Program";

    /// <summary>Each arrow between two folders, with up to three type pairs that make it.</summary>
    public static IReadOnlyDictionary<(string From, string To), IReadOnlyList<string>> Read(string assemblyPath)
    {
        using var module = ModuleDefinition.ReadModule(assemblyPath);
        var arrows = new Dictionary<(string, string), List<string>>();
        foreach (var type in module.GetTypes())
        {
            var from = FolderOf(type);
            if (from is null)
            {
                continue;
            }
            foreach (var used in Uses(type).Where(u => u.Module == module || u.Scope == module))
            {
                var to = FolderOf(used);
                if (to is null || to == from)
                {
                    continue;
                }
                var examples = arrows.TryGetValue((from, to), out var list) ? list : arrows[(from, to)] = [];
                var pair = $"{Outermost(type).FullName} uses {Outermost(used).FullName}";
                if (examples.Count < 3 && !examples.Contains(pair))
                {
                    examples.Add(pair);
                }
            }
        }
        return arrows.ToDictionary(a => a.Key, a => (IReadOnlyList<string>)a.Value);
    }

    public static string? FolderOf(TypeReference type)
    {
        var ns = Outermost(type).Namespace;
        if (ns.StartsWith("__Blazor.", StringComparison.Ordinal))
        {
            ns = ns["__Blazor.".Length..];
        }
        if (ns == "PortalApp")
        {
            return Root;
        }
        return ns.StartsWith("PortalApp.", StringComparison.Ordinal) ? ns["PortalApp.".Length..].Split('.')[0] : null;
    }

    private static TypeReference Outermost(TypeReference type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }
        return type;
    }

    private static IEnumerable<TypeReference> Uses(TypeDefinition type)
    {
        var found = new List<TypeReference>();
        void Add(TypeReference? t)
        {
            switch (t)
            {
                case null:
                    return;
                case GenericInstanceType g:
                    Add(g.ElementType);
                    foreach (var a in g.GenericArguments)
                    {
                        Add(a);
                    }
                    return;
                case TypeSpecification s:
                    Add(s.ElementType);
                    return;
                case GenericParameter:
                    return;
                default:
                    found.Add(t);
                    return;
            }
        }
        void AddAttributes(ICustomAttributeProvider provider)
        {
            foreach (var a in provider.CustomAttributes)
            {
                Add(a.AttributeType);
                foreach (var arg in a.ConstructorArguments.Concat(a.Properties.Select(p => p.Argument)))
                {
                    Add(arg.Value as TypeReference);
                }
            }
        }
        void AddMethod(MethodReference m)
        {
            Add(m.DeclaringType);
            Add(m.ReturnType);
            foreach (var p in m.Parameters)
            {
                Add(p.ParameterType);
            }
            if (m is GenericInstanceMethod gm)
            {
                foreach (var a in gm.GenericArguments)
                {
                    Add(a);
                }
            }
        }

        Add(type.BaseType);
        foreach (var i in type.Interfaces)
        {
            Add(i.InterfaceType);
        }
        AddAttributes(type);
        foreach (var f in type.Fields)
        {
            Add(f.FieldType);
            AddAttributes(f);
        }
        foreach (var p in type.Properties)
        {
            Add(p.PropertyType);
            AddAttributes(p);
        }
        foreach (var m in type.Methods)
        {
            AddMethod(m);
            AddAttributes(m);
            if (!m.HasBody)
            {
                continue;
            }
            foreach (var v in m.Body.Variables)
            {
                Add(v.VariableType);
            }
            foreach (var instruction in m.Body.Instructions)
            {
                switch (instruction.Operand)
                {
                    case TypeReference t:
                        Add(t);
                        break;
                    case MethodReference mr:
                        AddMethod(mr);
                        break;
                    case FieldReference fr:
                        Add(fr.DeclaringType);
                        Add(fr.FieldType);
                        break;
                }
            }
        }
        return found;
    }
}
