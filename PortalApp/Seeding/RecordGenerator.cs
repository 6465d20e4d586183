using Bogus;
using Person = Portal.Data.Entities.Person;
using Portal.Data.Entities;
using PortalApp.Records;

namespace PortalApp.Seeding;

/// <summary>Where generated rows go. Each row object is reused by the generator: copy what you keep.</summary>
public interface IRecordSink
{
    void Add(Person person);
    void Add(Arrest arrest);
    void Add(Charge charge);
    void Add(Involvement involvement);
}

/// <summary>
/// Deterministic synthetic arrest records: the same seed gives the same rows. Bogus supplies the names and
/// streets, drawn once into pools; the hot loop only picks from arrays, so a million rows take seconds.
/// A "record" is one person's involvement in one arrest (a row of /records).
/// </summary>
public sealed class RecordGenerator
{
    private static readonly DateTimeOffset FirstArrest = new(2019, 1, 1, 5, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LastArrest = new(2026, 6, 30, 5, 0, 0, TimeSpan.Zero);
    private static readonly HashSet<string> SpanishSpeaking = ["Mexico", "Dominican Republic", "Guatemala", "Honduras", "El Salvador", "Colombia", "Puerto Rico"];

    private readonly Random random;
    private readonly NamePool english;
    private readonly NamePool spanish;
    private readonly string[] streets;
    private readonly string[] officers;
    private readonly WeightedPick<string> states;
    private readonly WeightedPick<string> countries;
    private readonly WeightedPick<string> races;
    private readonly (int Id, string First, string Last)[] recentArrestees = new (int, string, string)[4096];
    private int recentCount;

    private readonly Person person = new();
    private readonly Arrest arrest = new();
    private readonly Charge charge = new();
    private readonly Involvement involvement = new();

    public RecordGenerator(int seed)
    {
        random = new Random(seed);
        english = NamePool.From("en", seed);
        spanish = NamePool.From("es_MX", seed + 1);
        var faker = new Faker("en") { Random = new Randomizer(seed + 2) };
        streets = Enumerable.Range(0, 1500).Select(_ => faker.Address.StreetName()).Distinct().ToArray();
        officers = Enumerable.Range(0, 2500)
            .Select(_ => $"P/O {faker.Name.FirstName()[0]}. {faker.Name.LastName()} #{faker.Random.Int(1000, 9999)}").ToArray();
        states = new WeightedPick<string>(PhiladelphiaData.States.Select(s => (s.Name + ", USA", s.Weight)));
        countries = new WeightedPick<string>(PhiladelphiaData.Countries);
        races = new WeightedPick<string>(PhiladelphiaData.Races);
    }

    /// <summary>Generates exactly <paramref name="records"/> involvements, with ids starting at 1.</summary>
    public void Generate(int records, IRecordSink sink)
    {
        int written = 0, personId = 0, arrestId = 0, chargeId = 0, involvementId = 0;
        var span = (LastArrest - FirstArrest).Ticks;
        while (written < records)
        {
            arrestId++;
            var district = PhiladelphiaData.Districts[random.Next(PhiladelphiaData.Districts.Length)];
            var arrested = FirstArrest.AddTicks((long)(random.NextDouble() * span));
            arrested = new DateTimeOffset(arrested.UtcTicks - arrested.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
            arrest.Id = arrestId;
            arrest.DcNumber = DcNumbers.Format(arrested.Year, district, arrestId);
            arrest.ArrestedUtc = arrested;
            arrest.District = district;
            arrest.Officer = officers[random.Next(officers.Length)];
            sink.Add(arrest);

            var chargeCount = Roll(0.55) ? 1 : Roll(0.66) ? 2 : 3;
            var victimCrime = false;
            var firstOffence = random.Next(PhiladelphiaData.Offences.Length);
            for (var c = 0; c < chargeCount; c++)
            {
                // Entries seven apart in the list, so an arrest never carries the same charge twice.
                var offence = PhiladelphiaData.Offences[(firstOffence + c * 7) % PhiladelphiaData.Offences.Length];
                victimCrime |= offence.HasVictim;
                charge.Id = ++chargeId;
                charge.ArrestId = arrestId;
                charge.Statute = offence.Statute;
                charge.Description = offence.Description;
                charge.Grade = offence.Grade;
                sink.Add(charge);
            }

            var roles = new List<InvolvementRole> { InvolvementRole.Arrestee };
            if (Roll(0.1)) roles.Add(InvolvementRole.Arrestee);
            if (victimCrime && Roll(0.75)) roles.Add(InvolvementRole.Victim);
            if (Roll(0.25)) roles.Add(InvolvementRole.Witness);

            foreach (var role in roles)
            {
                if (written == records)
                {
                    break;
                }
                var (id, first, last) = role == InvolvementRole.Arrestee && recentCount > 100 && Roll(0.12)
                    ? recentArrestees[random.Next(Math.Min(recentCount, recentArrestees.Length))]
                    : NewPerson(++personId, role, arrested, sink);
                if (role == InvolvementRole.Arrestee && id == personId)
                {
                    recentArrestees[recentCount++ % recentArrestees.Length] = (id, first, last);
                }
                involvement.Id = ++involvementId;
                involvement.PersonId = id;
                involvement.ArrestId = arrestId;
                involvement.Role = role;
                involvement.SearchName = SearchKey.ForName(last, first);
                involvement.DcNumber = arrest.DcNumber;
                involvement.ArrestedUtc = arrested;
                involvement.District = district;
                sink.Add(involvement);
                written++;
            }
        }
    }

    private (int Id, string First, string Last) NewPerson(int id, InvolvementRole role, DateTimeOffset arrested, IRecordSink sink)
    {
        var foreign = Roll(0.14);
        var birthPlace = foreign ? countries.Pick(random) : states.Pick(random);
        var hispanic = SpanishSpeaking.Contains(birthPlace.Replace(", USA", "", StringComparison.Ordinal)) || Roll(0.06);
        var male = role == InvolvementRole.Arrestee ? Roll(0.8) : Roll(0.5);
        var names = hispanic ? spanish : english;
        var age = role == InvolvementRole.Arrestee
            ? 18 + (int)(Math.Pow(random.NextDouble(), 1.7) * 52)
            : 16 + random.Next(70);

        person.Id = id;
        person.FirstName = male ? names.Male[random.Next(names.Male.Length)] : names.Female[random.Next(names.Female.Length)];
        person.LastName = names.Last[random.Next(names.Last.Length)];
        person.DateOfBirth = DateOnly.FromDateTime(arrested.UtcDateTime).AddYears(-age).AddDays(-random.Next(365));
        person.Street = $"{random.Next(100, 9999)} {streets[random.Next(streets.Length)]}";
        person.City = "Philadelphia";
        person.Zip = PhiladelphiaData.Zips[random.Next(PhiladelphiaData.Zips.Length)];
        person.Phone = $"{(Roll(0.6) ? "215" : Roll(0.7) ? "267" : "445")}-{random.Next(200, 1000)}-{random.Next(10000):D4}";
        person.StateId = $"{random.Next(10, 100)} {random.Next(1000):D3} {random.Next(1000):D3}";
        person.PlaceOfBirth = birthPlace;
        person.Race = races.Pick(random);
        person.Ethnicity = hispanic ? PhiladelphiaData.Ethnicities[0] : PhiladelphiaData.Ethnicities[1];
        person.Sex = male ? "Male" : "Female";
        sink.Add(person);
        return (id, person.FirstName, person.LastName);
    }

    private bool Roll(double probability) => random.NextDouble() < probability;

    private sealed record NamePool(string[] Male, string[] Female, string[] Last)
    {
        public static NamePool From(string locale, int seed)
        {
            var faker = new Faker(locale) { Random = new Randomizer(seed) };
            string[] Draw(Func<string> next) => Enumerable.Range(0, 3000).Select(_ => next()).Distinct().Order(StringComparer.Ordinal).ToArray();
            return new NamePool(
                Draw(() => faker.Name.FirstName(Bogus.DataSets.Name.Gender.Male)),
                Draw(() => faker.Name.FirstName(Bogus.DataSets.Name.Gender.Female)),
                Draw(() => faker.Name.LastName()));
        }
    }

    private sealed class WeightedPick<T>
    {
        private readonly T[] items;
        private readonly int[] cumulative;

        public WeightedPick(IEnumerable<(T Item, int Weight)> weighted)
        {
            var list = weighted.ToArray();
            items = list.Select(w => w.Item).ToArray();
            cumulative = new int[list.Length];
            var total = 0;
            for (var i = 0; i < list.Length; i++)
            {
                cumulative[i] = total += list[i].Weight;
            }
        }

        public T Pick(Random random)
        {
            var roll = random.Next(cumulative[^1]);
            var index = Array.BinarySearch(cumulative, roll + 1);
            return items[index >= 0 ? index : ~index];
        }
    }
}
